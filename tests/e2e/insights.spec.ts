import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { E2E_PORT } from "./server-env";
import { startServer, stopAllServers, stopServer, type OwnServer } from "./own-server";
import { fillValid, referenceShown, submit } from "./consultation-fixtures";
import { signIn } from "./staff-fixtures";

/*
 * Cookie-free page counts (lib/insights/), on a server of their own so that
 * the other journeys' visits never change the numbers: views are counted
 * with nothing set or stored in the browser; Global Privacy Control, Do Not
 * Track and bots are not; only the owner's and practitioners' roles see them.
 */
const PORT = E2E_PORT + 1080;
// Playwright's own user agent says HeadlessChrome, which is rightly not counted.
const PERSON =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";

const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-insights-"));
let server: OwnServer;
let db: Kysely<Database>;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  server = await startServer(PORT, { DATA_DIR: dataDir });
  db = createDb({ dataDir });
  await migrateToLatest(db);
});
test.afterAll(async () => {
  await stopAllServers();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The insights table `caption` as { row header: number }, read as the owner sees it. */
async function counts(page: Page, caption: string): Promise<Record<string, number>> {
  await page.goto(`${server.base}/staff/insights?days=7`);
  const table = page.getByRole("table", { name: caption });
  if ((await table.count()) === 0) return {};
  const rows = await table.locator("tbody tr").all();
  const entries = await Promise.all(
    rows.map(async (row) => [
      (await row.locator("th").innerText()).trim(),
      Number(await row.locator("td").innerText()),
    ]),
  );
  return Object.fromEntries(entries);
}

test("visits are counted, and nothing is set or stored in the browser", async ({ browser }) => {
  const context = await browser.newContext({ userAgent: PERSON });
  const visitor = await context.newPage();
  const cookies: string[] = [];
  visitor.on("response", (response) => {
    const setCookie = response.headers()["set-cookie"];
    if (setCookie) cookies.push(`${response.url()}: ${setCookie}`);
  });
  await visitor.goto(`${server.base}/benefits`, { referer: "https://www.search.example/?q=back" });
  await visitor.goto(`${server.base}/tips`);
  // A reload the same day is the same visitor: counted once.
  await visitor.goto(`${server.base}/tips`);
  await visitor.goto(`${server.base}/`);
  await visitor.waitForLoadState("networkidle");
  expect(cookies).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(
    await visitor.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
  ).toEqual([0, 0, ""]);
  await context.close();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, { role: "owner", base: server.base, db });
  // The home page's links were prefetched by the framework: prefetches are not views.
  expect(await counts(owner, "Views per page")).toEqual({ "/": 1, "/benefits": 1, "/tips": 1 });
  expect(await counts(owner, "Visits from other sites")).toEqual({ "search.example": 1 });
  for (const width of [375, 1280]) {
    await owner.setViewportSize({ width, height: 900 });
    expect((await new AxeBuilder({ page: owner }).analyze()).violations).toEqual([]);
  }
  await expect(owner.getByRole("img", { name: "Page views per day" })).toBeVisible();
  const csv = await owner.request.get(`${server.base}/staff/insights.csv?days=30`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("views,");
  expect(await csv.text()).toMatch(/views,\d{4}-\d\d-\d\d,\/benefits,1\r\n/);
  await owner.close();
});

test("Global Privacy Control, Do Not Track and bots are not counted", async ({
  browser,
  request,
}) => {
  const visits: [string, Record<string, string>][] = [
    ["/about", { "user-agent": PERSON, "sec-gpc": "1" }],
    ["/about", { "user-agent": PERSON, dnt: "1" }],
    ["/about", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }],
    ["/about", { "user-agent": "curl/8.5.0" }],
    // A prefetch as the browser sends it; Next.js hides its own headers from proxy.ts.
    [
      "/about?_rsc=1a2b",
      { "user-agent": PERSON, "sec-fetch-dest": "empty", "next-router-prefetch": "1", rsc: "1" },
    ],
    ["/about", { "user-agent": PERSON, purpose: "prefetch" }],
    // The same visit without any of those: counted, so the rules above are what left them out.
    ["/what-to-expect", { "user-agent": PERSON }],
  ];
  for (const [address, headers] of visits) {
    const response = await request.get(`${server.base}${address}`, { headers });
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, { role: "owner", base: server.base, db });
  const views = await counts(owner, "Views per page");
  expect(views["/what-to-expect"]).toBe(1);
  expect(views["/about"]).toBeUndefined();
  await owner.close();
});

test("a page reached by a link inside the site is counted once, by the view beacon", async ({
  browser,
}) => {
  // Another browser on the same machine: a visitor of its own for the day's de-duplication.
  const context = await browser.newContext({ userAgent: `${PERSON} Edg/142.0` });
  const visitor = await context.newPage();
  const beacons: string[] = [];
  visitor.on("request", (request) => {
    if (request.url().endsWith("/views")) beacons.push(request.postData() ?? "");
  });
  const violations: string[] = [];
  visitor.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await visitor.goto(`${server.base}/benefits`);
  await visitor.waitForLoadState("networkidle");
  await visitor.locator('a[href="/about"]').first().click();
  await expect(visitor).toHaveURL(`${server.base}/about`);
  // The framework drew the page in the same document: the beacon's mark is still there.
  expect(await visitor.evaluate(() => "__clinicViews" in window)).toBe(true);
  await expect.poll(() => beacons).toEqual(["/about"]);
  await visitor.goBack();
  await expect(visitor).toHaveURL(`${server.base}/benefits`);
  await expect.poll(() => beacons).toEqual(["/about", "/benefits"]);
  expect(violations).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  await context.close();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, { role: "owner", base: server.base, db });
  const views = await counts(owner, "Views per page");
  // /about was never loaded as a document (the test before counted no view of it). /benefits:
  // the first test's visitor and this one; going back to it is this visitor's second look.
  expect(views["/about"]).toBe(1);
  expect(views["/benefits"]).toBe(2);
  await owner.close();
});

test("a request counts under the page the form was opened from, a made-up page as unknown", async ({
  browser,
}) => {
  const context = await browser.newContext({ userAgent: PERSON, baseURL: server.base });
  const visitor = await context.newPage();
  await visitor.goto("/benefits");
  await visitor.getByRole("link", { name: "Request a consultation" }).first().click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Request a consultation");
  let openedAt = Date.now();
  await expect(visitor.locator('input[name="openedFrom"]')).toHaveValue("/benefits");
  await fillValid(visitor, "first@example.com");
  await submit(visitor, openedAt);
  expect(await referenceShown(visitor)).not.toBe("");

  await visitor.goto("/consultation");
  openedAt = Date.now();
  await visitor
    .locator('input[name="openedFrom"]')
    .evaluate((input: HTMLInputElement) => (input.value = "https://evil.example/x"));
  await fillValid(visitor, "second@example.com");
  await submit(visitor, openedAt);
  expect(await referenceShown(visitor)).not.toBe("");
  await context.close();

  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, { role: "owner", base: server.base, db });
  expect(await counts(owner, "Requests sent after opening the form from a page")).toEqual({
    "/benefits": 1,
    unknown: 1,
  });
  await owner.close();
});

test("an editor is refused the counts, and a signed-out visitor is asked to sign in", async ({
  browser,
  request,
}) => {
  const editor = await browser.newPage();
  await signIn(editor, { role: "editor", base: server.base, db });
  const response = await editor.goto(`${server.base}/staff/insights`);
  expect(response?.status()).toBe(403);
  await expect(editor.getByText("/benefits")).toHaveCount(0);
  await expect(editor.getByRole("link", { name: "Insights" })).toHaveCount(0);
  expect((await editor.request.get(`${server.base}/staff/insights.csv`)).status()).toBe(403);
  await editor.close();

  const outsider = await browser.newPage();
  await outsider.goto(`${server.base}/staff/insights`);
  await expect(outsider.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(outsider.getByText("/benefits")).toHaveCount(0);
  await outsider.close();
  expect((await request.get(`${server.base}/staff/insights.csv`)).status()).toBe(401);
});

test("the counts held in memory are written when the server is told to stop", async ({
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, { role: "owner", base: server.base, db });
  // Reading the page writes what is in memory: whatever the tests before counted is stored now.
  const before = (await counts(owner, "Views per page"))["/what-to-expect"] ?? 0;
  await owner.close();
  const context = await browser.newContext({ userAgent: `${PERSON} OPR/120.0` });
  const visitor = await context.newPage();
  await visitor.goto(`${server.base}/what-to-expect`);
  await context.close();
  // Well inside the minute between flushes: only the flush at stop can have stored this view.
  await stopServer(server);
  server = await startServer(PORT, { DATA_DIR: dataDir });
  const after = await (await browser.newContext()).newPage();
  await signIn(after, { role: "owner", base: server.base, db });
  expect((await counts(after, "Views per page"))["/what-to-expect"]).toBe(before + 1);
  await after.close();
});
