import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { addPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
import {
  addScheduledPublish,
  getScheduledPublish,
  latestSchedules,
} from "@/lib/db/scheduled-publishes";
import { wallClock } from "@/lib/time-zone";
import { publishPage, startServer, stopAllServers, stopServer } from "./own-server";
import { E2E_PORT } from "./server-env";
import { preferSourceView } from "./editor-fixtures";
import { clientIp, signIn, testDb } from "./staff-fixtures";

/*
 * Publish later, as a receptionist would: a changed text scheduled on the
 * clinic's clock shows on the page and in the page list, and goes live on the
 * public page by itself (the server looks every SCHEDULE_CHECK_SECONDS, 2 in
 * these journeys); a schedule is refused in words when the time has passed,
 * and can be cancelled, both without JavaScript. One that fell due while the
 * server was stopped happens when it starts again. Each test makes its own page.
 */
const RESTART_PORT = E2E_PORT + 1900;
const root = mkdtempSync(path.join(tmpdir(), "clinic-schedule-"));
test.afterAll(async () => {
  await stopAllServers();
  rmSync(root, { recursive: true, force: true });
});
const unique = () => Math.random().toString(36).slice(2, 8);

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(61) } });
// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));

async function newPage(title: string): Promise<string> {
  const slug = `scheduled-${unique()}`;
  await publishPage(await testDb(), slug, title);
  return slug;
}

/** The clinic's zone, as the Time field's label names it. */
async function clinicZone(page: Page): Promise<string> {
  const label = await page.getByText(/^Time \(.+\)$/).textContent();
  return /^Time \((.+)\)$/.exec(label ?? "")?.[1] ?? "";
}

/**
 * Waits until the autosave has stored `body` and the form holds that draft's
 * version, so the Schedule post clears the draft (as Publish does); a save
 * still on its way would leave a draft behind to be offered.
 */
async function draftSettled(page: Page, accountId: string, slug: string, body: string) {
  const db = await testDb();
  let version = 0;
  await expect(async () => {
    const draft = await db
      .selectFrom("page_drafts")
      .select(["version", "data"])
      .where("owner", "=", `account:${accountId}`)
      .where("page", "=", `/${slug}`)
      .executeTakeFirst();
    expect((JSON.parse(draft?.data ?? "{}") as { body?: string }).body).toBe(body);
    version = draft?.version ?? 0;
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('input[name="draftVersion"]')).toHaveValue(String(version));
}

async function replaceText(page: Page, text: string) {
  await page.getByLabel("Page text").fill(text);
}

test("a scheduled publish goes live by itself at its time, and the list shows it until then", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Opening hours ${unique()}`;
  const slug = await newPage(title);
  const later = `Open until eight on Thursdays from now on ${unique()}.`;
  const account = await signIn(page, { role: "editor" });
  await page.goto(`/staff/content/${slug}`);
  const zone = await clinicZone(page);
  expect(zone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$|^UTC$/);

  // The next whole minute at least 20 s away, on the clinic's clock.
  const due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const { date, time } = wallClock(due, zone);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel(`Time (${zone})`).fill(time);
  await replaceText(page, later);
  await draftSettled(page, account.id, slug, later);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();

  await expect(page.getByText("Scheduled. It is published by itself")).toBeVisible();
  const notice = page.getByTestId("scheduled-publish");
  await expect(notice.getByRole("heading")).toHaveText(
    new RegExp(
      `^Scheduled for \\w{3} \\d{1,2} \\w{3}( \\d{4})?, ${time} \\(${zone}\\) by ${account.name}\\.$`,
    ),
  );
  // Not yet: visitors still see the text as it was.
  expect(await (await page.request.get(`/${slug}`)).text()).not.toContain(later);

  await page.goto("/staff/content");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByTestId("page-schedule")).toHaveText(
    new RegExp(`^Scheduled for .*${time} \\(${zone}\\) by ${account.name}$`),
  );

  // Live within the check interval of its time (a few seconds more on a slow machine).
  await expect(async () => {
    const html = await (await page.request.get(`/${slug}`)).text();
    expect(html).toContain(later);
  }).toPass({ timeout: 100_000, intervals: [1000] });
  expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());

  // Published once, under the person who scheduled it; the list and the page no longer show it.
  const db = await testDb();
  const [schedule] = await latestSchedules(db, slug);
  expect(schedule).toMatchObject({ state: "published", author: account.name });
  const revisions = await db
    .selectFrom("page_revisions")
    .select(["author", "account_id"])
    .where("slug", "=", slug)
    .orderBy("id")
    .execute();
  expect(revisions).toEqual([
    { author: "E2E", account_id: null },
    { author: account.name, account_id: account.id },
  ]);
  await page.reload();
  await expect(row.getByTestId("page-schedule")).toHaveCount(0);
  await page.goto(`/staff/content/${slug}`);
  await expect(page.getByTestId("scheduled-publish")).toHaveCount(0);
  // The editor opens on the scheduled text (which it shows with a final newline).
  await expect(page.getByLabel("Page text")).toHaveValue(`${later}\n`);
});

test("a schedule on a page a colleague published meanwhile is combined with their change", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Parking ${unique()}`;
  const slug = await newPage(title);
  const db = await testDb();
  const u = unique();
  const [first, second] = [`Park behind the clinic ${u}.`, `Bikes go by the door ${u}.`];
  const opened = await publishPage(db, slug, title, {
    body: `${first}\n\n${second}\n`,
    parentId: (await latestPageRevision(db, slug))?.id ?? 0,
  });

  const account = await signIn(page, { role: "editor" });
  await page.goto(`/staff/content/${slug}`);
  const zone = await clinicZone(page);
  const mine = `Park behind the clinic, free after six ${u}.`;
  await replaceText(page, `${mine}\n\n${second}\n`);
  await draftSettled(page, account.id, slug, `${mine}\n\n${second}\n`);
  const due = new Date(Math.ceil((Date.now() + 25_000) / 60_000) * 60_000);
  const { date, time } = wallClock(due, zone);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel(`Time (${zone})`).fill(time);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByText("Scheduled. It is published by itself")).toBeVisible();

  // Before it is due, a colleague publishes a change to the other paragraph.
  const theirs = `Bikes go in the rack by the door ${u}.`;
  const colleague = await addPageRevision(db, {
    slug,
    author: "Ben Colleague",
    note: null,
    action: "publish",
    frontmatter: JSON.parse(opened.frontmatter ?? "{}") as Record<string, unknown>,
    body: `${first}\n\n${theirs}\n`,
    baseHash: null,
    parentId: opened.id,
    now: new Date(),
  });
  expect(colleague.ok).toBe(true);

  // Both changes go live at its time: the scheduled one and the colleague's.
  await expect(async () => {
    const html = await (await page.request.get(`/${slug}`)).text();
    expect(html).toContain(mine);
    expect(html).toContain(theirs);
  }).toPass({ timeout: 100_000, intervals: [1000] });
  const said =
    /^Published, combined with Ben Colleague's changes of \d\d:\d\d: the publish scheduled for /;
  await page.goto("/staff/content");
  await expect(
    page.getByRole("row").filter({ hasText: title }).getByTestId("page-schedule"),
  ).toHaveText(said);
  await page.goto(`/staff/content/${slug}`);
  await expect(page.getByTestId("scheduled-publish").getByRole("heading")).toHaveText(said);
  const [newest] = await db
    .selectFrom("page_revisions")
    .select(["author", "parent_id"])
    .where("slug", "=", slug)
    .orderBy("id", "desc")
    .execute();
  expect(newest).toEqual({
    author: account.name,
    parent_id: colleague.ok ? colleague.revision.id : -1,
  });
});

test("a new page scheduled for later is staff-only until its time, then goes live by itself", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slug = `monday-article-${unique()}`;
  const title = `Sciatica explained ${unique()}`;
  const text = `Sciatica is a pain that runs down the leg ${unique()}.`;
  const account = await signIn(page, { role: "editor" });
  await page.goto("/staff/new-page");
  const zone = await clinicZone(page);
  await expect(page.getByText("Until then visitors cannot see the new page")).toBeVisible();
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description").fill("What sciatica is and what helps.");
  await replaceText(page, text);
  const due = new Date(Math.ceil((Date.now() + 25_000) / 60_000) * 60_000);
  const { date, time } = wallClock(due, zone);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel(`Time (${zone})`).fill(time);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();

  await expect(page).toHaveURL(/\/staff\/content\?notice=scheduled-new$/);
  await expect(page.getByText("Scheduled. The new page is published by itself")).toBeVisible();
  const row = page.getByTestId("scheduled-new-page").filter({ hasText: title });
  await expect(row).toContainText("New page, not published yet");
  await expect(row.getByTestId("page-schedule")).toHaveText(
    new RegExp(`^Scheduled for .*${time} \\(${zone}\\) by ${account.name}$`),
  );
  await expect(row.getByRole("button", { name: `Cancel schedule of ${title}` })).toBeVisible();
  await row.getByText("The text that will be published").click();
  await expect(row.getByText(text)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Visitors, the sitemap and the page count see nothing yet.
  expect((await page.request.get(`/${slug}`)).status()).toBe(404);
  expect(await (await page.request.get("/sitemap.xml")).text()).not.toContain(`/${slug}`);

  await expect(async () => {
    const response = await page.request.get(`/${slug}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(text);
  }).toPass({ timeout: 100_000, intervals: [1000] });
  expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
  expect(await (await page.request.get("/sitemap.xml")).text()).toContain(`/${slug}`);
  const db = await testDb();
  expect((await latestSchedules(db, slug))[0]).toMatchObject({ state: "published", new_page: 1 });
  expect((await latestPageRevision(db, slug))?.account_id).toBe(account.id);
  // Now a page like any other: its own row, with its editor.
  await page.reload();
  await expect(page.getByTestId("scheduled-new-page").filter({ hasText: title })).toHaveCount(0);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute(
    "href",
    `/staff/content/${slug}`,
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a past time is refused in words with the typing kept; a schedule is made and cancelled", async ({
    page,
  }) => {
    const title = `Holiday notice ${unique()}`;
    const slug = await newPage(title);
    const text = `Closed on the 24th ${unique()}.`;
    await signIn(page, { role: "editor" });
    await page.goto(`/staff/content/${slug}`);
    const zone = await clinicZone(page);
    // Tomorrow at 09:00 on the clinic's clock, as offered.
    const tomorrow = wallClock(new Date(Date.now() + 24 * 3600_000), zone).date;
    await expect(page.getByLabel("Date")).toHaveValue(tomorrow);
    await expect(page.getByLabel(`Time (${zone})`)).toHaveValue("09:00");

    await replaceText(page, text);
    const past = wallClock(new Date(Date.now() - 3600_000), zone);
    await page.getByLabel("Date").fill(past.date);
    await page.getByLabel(`Time (${zone})`).fill(past.time);
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByRole("alert").first()).toContainText("Not scheduled. Time: ");
    await expect(page.getByRole("alert").first()).toContainText("has already passed; it is now");
    await expect(page.getByLabel("Page text")).toHaveValue(text);
    await expect(page.getByLabel("Date")).toHaveValue(past.date);
    await expect(page.getByLabel(`Time (${zone})`)).toHaveValue(past.time);
    expect(await latestSchedules(await testDb(), slug)).toEqual([]);

    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel(`Time (${zone})`).fill("09:00");
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByText("Scheduled. It is published by itself")).toBeVisible();
    await expect(page.getByTestId("scheduled-publish").getByRole("heading")).toContainText(
      `, 09:00 (${zone}) by `,
    );
    const [made] = await latestSchedules(await testDb(), slug);
    expect(made).toMatchObject({ state: "pending", body: text });

    await page.goto("/staff/content");
    await expect(
      page.getByRole("row").filter({ hasText: title }).getByTestId("page-schedule"),
    ).toContainText(`09:00 (${zone})`);

    await page.goto(`/staff/content/${slug}`);
    await page.getByRole("button", { name: "Cancel schedule" }).click();
    await expect(page.getByText("The scheduled publish is cancelled")).toBeVisible();
    await expect(page.getByTestId("scheduled-publish")).toHaveCount(0);
    expect(made && (await getScheduledPublish(await testDb(), made.id))?.state).toBe("cancelled");
    await page.goto("/staff/content");
    await expect(
      page.getByRole("row").filter({ hasText: title }).getByTestId("page-schedule"),
    ).toHaveCount(0);
  });

  test("a schedule overlapping a colleague's publish since the editor opened goes through the merge view", async ({
    page,
  }) => {
    const title = `Fees ${unique()}`;
    const slug = await newPage(title);
    const db = await testDb();
    const account = await signIn(page, { role: "editor" });
    await page.goto(`/staff/content/${slug}`);
    const zone = await clinicZone(page);
    // A colleague publishes the same paragraph after the editor opened.
    const before = await latestPageRevision(db, slug);
    const colleague = await addPageRevision(db, {
      slug,
      author: "Ben Colleague",
      note: null,
      action: "publish",
      frontmatter: JSON.parse(before?.frontmatter ?? "{}") as Record<string, unknown>,
      body: `A visit costs 60 pounds ${unique()}.`,
      baseHash: null,
      parentId: before?.id ?? 0,
      now: new Date(),
    });
    if (!colleague.ok) throw new Error("the colleague's publish was refused");

    const mine = `A visit costs 55 pounds ${unique()}.`;
    await replaceText(page, mine);
    const day = wallClock(new Date(Date.now() + 2 * 24 * 3600_000), zone).date;
    await page.getByLabel("Date").fill(day);
    await page.getByLabel(`Time (${zone})`).fill("10:15");
    await page.getByRole("button", { name: "Schedule", exact: true }).click();

    // Nothing scheduled yet: the overlap to decide, the text and the date and time kept.
    await expect(
      page.getByRole("heading", { name: "Changed by you and by Ben Colleague" }),
    ).toBeVisible();
    await expect(page.getByLabel("Page text")).toHaveValue(mine);
    await expect(page.getByLabel("Date")).toHaveValue(day);
    await expect(page.getByLabel(`Time (${zone})`)).toHaveValue("10:15");
    expect(await latestSchedules(db, slug)).toEqual([]);

    await page
      .getByRole("group", { name: /^Change 1 of 1/ })
      .getByLabel("Keep mine")
      .check();
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(
      page.getByText(/^Scheduled, combined with Ben Colleague's changes of \d\d:\d\d\./),
    ).toBeVisible();
    const [made] = await latestSchedules(db, slug);
    expect(made).toMatchObject({
      state: "pending",
      body: mine,
      parent_id: colleague.revision.id,
      author: account.name,
    });
    expect(wallClock(new Date(made?.due_at ?? ""), zone)).toEqual({ date: day, time: "10:15" });
    // Visitors still see the colleague's version until then.
    expect(await (await page.request.get(`/${slug}`)).text()).not.toContain(mine);
  });

  test("a new page is scheduled and its schedule cancelled from the page list", async ({
    page,
  }) => {
    const slug = `new-later-${unique()}`;
    const title = `Winter article ${unique()}`;
    await signIn(page, { role: "editor" });
    await page.goto("/staff/new-page");
    const zone = await clinicZone(page);
    await page.getByLabel("Address").fill(slug);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Description").fill("Looking after your back in winter.");
    await replaceText(page, "Cold mornings need a slow start.");
    const tomorrow = wallClock(new Date(Date.now() + 24 * 3600_000), zone).date;
    await page.getByLabel("Date").fill(tomorrow);
    await page.getByLabel(`Time (${zone})`).fill("09:00");
    await page.getByRole("button", { name: "Schedule", exact: true }).click();

    await expect(page.getByText("Scheduled. The new page is published by itself")).toBeVisible();
    const row = page.getByTestId("scheduled-new-page").filter({ hasText: title });
    await expect(row.getByTestId("page-schedule")).toContainText(`09:00 (${zone})`);
    expect((await page.request.get(`/${slug}`)).status()).toBe(404);

    await row.getByRole("button", { name: `Cancel schedule of ${title}` }).click();
    await expect(page.getByText("The scheduled publish is cancelled")).toBeVisible();
    await expect(page.getByTestId("scheduled-new-page").filter({ hasText: title })).toHaveCount(0);
    expect((await latestSchedules(await testDb(), slug))[0]?.state).toBe("cancelled");
  });
});

test("a publish that fell due while the server was stopped happens when it starts", async () => {
  test.setTimeout(180_000);
  const dataDir = path.join(root, "restart");
  // Looks every 60 s: within the wait below, only the look at start-up can publish it.
  const env = { DATA_DIR: dataDir, SCHEDULE_CHECK_SECONDS: "60" };
  const slug = `restart-${unique()}`;
  const first = await startServer(RESTART_PORT, env);
  const db = createDb({ dataDir });
  try {
    await migrateToLatest(db);
    await publishPage(db, slug, "Before the restart");
    await expect
      .poll(async () => (await fetch(`${first.base}/${slug}`)).status, { timeout: 30_000 })
      .toBe(200);
    await stopServer(first);

    const parent = await latestPageRevision(db, slug);
    const text = `Scheduled while nobody was running ${unique()}.`;
    const { schedule } = await addScheduledPublish(db, {
      slug,
      frontmatter: {
        title: "After the restart",
        description: "Published by a schedule.",
        lastReviewed: "2026-11-01",
        kind: "page",
      },
      body: text,
      note: null,
      baseHash: null,
      parentId: parent?.id ?? 0,
      dueAt: new Date(Date.now() - 60_000),
      accountId: "e2e-account",
      author: "E2E Scheduler",
      now: new Date(Date.now() - 3_600_000),
    });
    const second = await startServer(RESTART_PORT, env);
    await expect
      .poll(async () => (await fetch(`${second.base}/${slug}`)).text(), { timeout: 40_000 })
      .toContain(text);
    expect(await getScheduledPublish(db, schedule.id)).toMatchObject({ state: "published" });
    expect((await latestPageRevision(db, slug))?.author).toBe("E2E Scheduler");
  } finally {
    await db.destroy();
  }
});
