import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { savePageDraft } from "@/lib/db/page-drafts";
import { hashToken } from "@/lib/staff/tokens";
import { E2E_BASE_URL } from "./server-env";
import { signIn, testDb, type TestAccount } from "./staff-fixtures";

/*
 * "Share this draft for review": a private link that a practitioner opens
 * signed out, in a browser that never signed in. The draft is written
 * straight into the database (as the editor's autosave would), so the
 * journey does not depend on how the text is typed.
 */
const SLUG = "sleep-and-back-pain";
const EDITOR = `/staff/content/${SLUG}`;

async function seedDraft(account: TestAccount, marker: string): Promise<void> {
  const db = await testDb();
  const key = { owner: `account:${account.id}`, page: `/${SLUG}` };
  const existing = await db
    .selectFrom("page_drafts")
    .select("version")
    .where("owner", "=", key.owner)
    .where("page", "=", key.page)
    .executeTakeFirst();
  const saved = await savePageDraft(db, key, {
    data: { body: `## For the reviewer\n\n${marker} is a sentence only in the draft.\n` },
    seenVersion: existing?.version ?? 0,
    now: new Date(),
  });
  expect(saved.ok).toBe(true);
}

async function share(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share this draft for review" }).click();
  const field = page.getByLabel("Review link");
  await expect(field).toBeVisible();
  const url = await field.inputValue();
  expect(url).toMatch(/\/review\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}

/** Opens `path` in a fresh browser that never signed in; gives the page and its answer's status. */
async function openSignedOut(browser: Browser, path: string) {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  const response = await page.goto(path);
  return { page, response, close: () => context.close() };
}

test.describe("a draft shared for review", () => {
  test("opens signed out with the draft banner and noindex, and stops when revoked", async ({
    page,
    browser,
  }) => {
    const account = await signIn(page, { role: "practitioner" });
    const marker = `Review ${Date.now()}`;
    await seedDraft(account, marker);
    await page.goto(EDITOR);
    const path = await share(page);
    await expect(page.getByText("it shows your draft as it is now")).toBeVisible();

    const visitor = await openSignedOut(browser, path);
    expect(visitor.response?.status()).toBe(200);
    const headers = visitor.response?.headers() ?? {};
    expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).toContain("'nonce-");
    await expect(visitor.page.getByText("Draft — not published.")).toBeVisible();
    await expect(
      visitor.page.getByText(`${marker} is a sentence only in the draft.`),
    ).toBeVisible();
    await expect(
      visitor.page.getByRole("heading", { level: 1, name: "Sleeping better with back pain" }),
    ).toBeVisible();
    await expect(visitor.page.locator('meta[name="robots"]')).toHaveAttribute(
      "content",
      "noindex, nofollow",
    );
    await expect(visitor.page.locator('meta[name="referrer"]')).toHaveAttribute(
      "content",
      "no-referrer",
    );
    // Read-only, and nothing of the staff area.
    await expect(visitor.page.locator("form")).toHaveCount(0);
    await expect(visitor.page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    expect((await new AxeBuilder({ page: visitor.page }).analyze()).violations).toEqual([]);

    // The list names who shared it; Revoke stops it.
    const row = page.getByRole("listitem").filter({ hasText: `Shared by ${account.name}` });
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await expect(page.getByText("Link revoked: it no longer opens.")).toBeVisible();
    await expect(row).toHaveCount(0);

    await visitor.page.reload();
    await expect(
      visitor.page.getByRole("heading", { name: "We can't find that page" }),
    ).toBeVisible();
    await expect(visitor.page.getByText(marker)).toHaveCount(0);
    await visitor.close();

    const events = await (
      await testDb()
    )
      .selectFrom("audit_log")
      .select("event")
      .where("account_id", "=", account.id)
      .where("event", "like", "review-link-%")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.event)).toEqual(["review-link-created", "review-link-revoked"]);
  });

  test("an expired, a revoked and an unknown link all get the same not-found page", async ({
    page,
    browser,
  }) => {
    await signIn(page, { role: "editor" });
    await page.goto(EDITOR);
    const expired = await share(page);
    // Seven days on, as far as the link is concerned.
    await (
      await testDb()
    )
      .updateTable("review_links")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("token_hash", "=", hashToken(expired.split("/").pop() ?? ""))
      .execute();

    const texts: string[] = [];
    for (const path of [expired, `/review/${"A".repeat(43)}`, "/review/short"]) {
      const visitor = await openSignedOut(browser, path);
      expect(visitor.response?.status()).toBe(404);
      expect(visitor.response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
      texts.push(await visitor.page.locator("main").innerText());
      await visitor.close();
    }
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain("We can't find that page");
  });

  test("robots.txt and the sitemap leave review links out", async ({ request }) => {
    expect(await (await request.get("/robots.txt")).text()).toMatch(/Disallow: \/review\//);
    expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/review");
  });
});

test.describe("sharing without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("makes a link and revokes it", async ({ page, browser }) => {
    const account = await signIn(page, { role: "editor" });
    await page.goto(EDITOR);
    const path = await share(page);
    await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
    const row = page.getByRole("listitem").filter({ hasText: `Shared by ${account.name}` });
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await expect(page.getByText("Link revoked: it no longer opens.")).toBeVisible();
    await expect(row).toHaveCount(0);
    const visitor = await openSignedOut(browser, path);
    expect(visitor.response?.status()).toBe(404);
    await visitor.close();
  });
});

for (const width of [375, 1280]) {
  test(`the share panel has no axe violations at ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, { role: "editor" });
    await page.goto(EDITOR);
    await share(page);
    await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include("section[aria-labelledby=share-heading]")
      .analyze();
    expect(results.violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });
}
