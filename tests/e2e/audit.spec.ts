import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generateReference } from "@/lib/consultation/submit";
import { recordAudit } from "@/lib/db/audit-log";
import { clientIp, seedRequest, signIn, testDb } from "./staff-fixtures";

/*
 * The audit log as the clinic reads it: opening a request and exporting CSV
 * are recorded under the person signed in, shown on the request's own page
 * and on /staff/audit. Who that person is comes from the entry the server
 * wrote (the sign-in fixture decides the account), so these journeys hold
 * whatever signIn() creates.
 */
async function entries(filter: { event: string; objectId?: string; since?: string }) {
  let query = (await testDb())
    .selectFrom("audit_log")
    .selectAll()
    .where("event", "=", filter.event)
    .orderBy("id", "desc");
  if (filter.objectId) query = query.where("object_id", "=", filter.objectId);
  if (filter.since) query = query.where("at", ">=", filter.since);
  return query.execute();
}

const auditRow = (page: Page, ...texts: string[]) => {
  let rows = page.getByRole("table", { name: "Audit log entries, newest first" }).getByRole("row");
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
};

test.describe("the audit log", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(40) } });

  test("opening a request records who opened it, on the request and on /staff/audit", async ({
    page,
  }) => {
    const reference = await seedRequest();
    await signIn(page);
    // Listed in the inbox (where links may be prefetched) is not opened.
    await expect(page.getByRole("link", { name: reference }).first()).toBeAttached();
    expect(await entries({ event: "request-viewed", objectId: reference })).toEqual([]);

    await page.goto(`/staff/requests/${reference}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
    const [view, ...others] = await entries({ event: "request-viewed", objectId: reference });
    expect(others).toEqual([]);
    expect(view).toMatchObject({ object_type: "request", detail: null });
    expect(view?.account_id).toBeTruthy();
    const name = view?.account_name ?? "";
    expect(name).not.toBe("");
    // Nothing from the request reached the entry.
    expect(JSON.stringify(view)).not.toContain("Secret message");

    const trail = page.getByRole("table", {
      name: `Who viewed and changed request ${reference}, newest first`,
    });
    await expect(
      trail.getByRole("row").filter({ hasText: "Request viewed" }).filter({ hasText: name }),
    ).toHaveCount(1);

    // The owner follows the toolbar to the log and narrows it to this request, without JavaScript's help.
    await page
      .getByRole("navigation", { name: "Staff" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
    await page.getByLabel("Request reference").fill(reference.toLowerCase());
    await page.getByLabel("Event").selectOption({ label: "Request viewed" });
    await page.getByRole("button", { name: "Show entries" }).click();
    await expect(page).toHaveURL(new RegExp(`request=${reference}`, "i"));
    await expect(auditRow(page, "Request viewed", name, `Request ${reference}`)).toHaveCount(1);
    await expect(page.getByRole("status")).toHaveText("Entries 1–1 of 1");

    // A second opening is a second entry, seen on the request page at once.
    await page.goto(`/staff/requests/${reference}`);
    await expect(trail.getByRole("row").filter({ hasText: "Request viewed" })).toHaveCount(2);
  });

  test("a CSV export is recorded with its filter and row count, and so is the log's own", async ({
    page,
  }) => {
    await seedRequest({ status: "booked" });
    await signIn(page);
    const since = new Date().toISOString();
    const download = await page.request.get("/staff/requests.csv?status=booked");
    expect(download.ok()).toBe(true);
    // Header and a trailing line break aside, one line per request (the seeds have no line breaks).
    const rows = (await download.text()).trimEnd().split("\r\n").length - 1;
    expect(rows).toBeGreaterThanOrEqual(1);
    const [exported] = await entries({ event: "csv-exported", objectId: "requests", since });
    expect(JSON.parse(exported?.detail ?? "{}")).toEqual({ filter: "status=booked", rows });
    const name = exported?.account_name ?? "";

    await page.goto("/staff/audit?event=csv-exported");
    await expect(
      auditRow(
        page,
        "CSV exported",
        name,
        "Export requests",
        `Filter: status=booked · Rows: ${rows}`,
      ),
    ).not.toHaveCount(0);

    // The log's own CSV has the page's filters and is an entry too.
    const own = await page.request.get("/staff/audit.csv?event=csv-exported");
    expect(own.headers()["content-type"]).toContain("text/csv");
    expect(await own.text()).toContain(`Filter: status=booked · Rows: ${rows}`);
    const [audited] = await entries({ event: "csv-exported", objectId: "audit-log", since });
    expect(JSON.parse(audited?.detail ?? "{}")).toMatchObject({ filter: "event=csv-exported" });

    // A filter it cannot use would export more than asked: it exports nothing and says why.
    const bad = await page.request.get("/staff/audit.csv?from=yesterday");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("from: write the date as year-month-day");
  });

  test("the log reads a page at a time, newest first, with the filters kept", async ({ page }) => {
    // Entries about a request that is gone (deleted, or past retention): the log still has them.
    const reference = generateReference();
    const db = await testDb();
    for (let n = 0; n < 55; n++) {
      await recordAudit(db, {
        at: new Date(Date.UTC(2026, 0, 1, 0, n)),
        actor: { accountId: "e2e-paging", name: `Paging Person ${n}` },
        event: "status-changed",
        object: { type: "request", id: reference },
        detail: { from: "new", to: "contacted" },
        clientHash: "e2e",
      });
    }
    await signIn(page);
    await page.goto(`/staff/audit?request=${reference}`);
    await expect(page.getByRole("status")).toHaveText("Entries 1–50 of 55");
    await expect(auditRow(page, "Paging Person")).toHaveCount(50);
    await expect(auditRow(page, "Paging Person").first()).toContainText("Paging Person 54");
    const pages = page.getByRole("navigation", { name: "Audit log pages" });
    await expect(pages.getByRole("link")).toHaveText(["Older entries"]);
    await pages.getByRole("link", { name: "Older entries" }).click();
    await expect(page.getByRole("status")).toHaveText("Entries 51–55 of 55");
    await expect(auditRow(page, "Paging Person").last()).toContainText("Paging Person 0");
    await expect(pages.getByRole("link")).toHaveText(["Newer entries"]);
    await expect(page.getByLabel("Request reference")).toHaveValue(reference);
    await expect(
      page.getByRole("link", { name: "Export these 55 entries as CSV" }),
    ).toHaveAttribute("href", `/staff/audit.csv?request=${reference}`);
  });

  // One test per width: each runs axe twice, which takes a while on a busy machine.
  for (const width of [375, 1280]) {
    test(`/staff/audit has no axe violations at ${width} px wide`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const reference = await seedRequest();
      await signIn(page);
      // At least one entry, so the table is there to check.
      await page.goto(`/staff/requests/${reference}`);
      await page.goto("/staff/audit");
      await expect(page).toHaveTitle(/^Audit log \|/);
      await expect(
        page.getByRole("table", { name: "Audit log entries, newest first" }),
      ).toBeVisible();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      // Filters it cannot use are named, with what to write instead.
      await page.goto("/staff/audit?from=30%2F11%2F2026&request=nope");
      await expect(
        page.getByRole("link", { name: /^From: write the date as year-month-day/ }),
      ).toHaveAttribute("href", "#field-from");
      await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
    });
  }
});
