import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { startServer, stopAllServers, type OwnServer } from "./own-server";
import { E2E_PORT } from "./server-env";
import { createAccount, signIn, testDb, type TestAccount } from "./staff-fixtures";

/*
 * "<name> is editing this page (since 14:02)", with two colleagues on one
 * page, each on a server of their own sharing one database (as behind a load
 * balancer): Ada's server has a 2-second heartbeat, so her notice follows
 * Ben's arrival and departure within seconds; Ben's is the shared server.
 */
const PORT = E2E_PORT + 1650;
const SLUG = "about";
let server: OwnServer | undefined;

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  await stopAllServers();
});

const { timezone } = parse(readFileSync("content/clinic.yaml", "utf8")) as { timezone: string };

/** When `account` opened the page, as the notice shows it: "14:02" in the clinic's time zone. */
async function sinceOf(account: TestAccount): Promise<string> {
  const row = await (
    await testDb()
  )
    .selectFrom("page_presence")
    .select("since")
    .where("page", "=", SLUG)
    .where("account_id", "=", account.id)
    .orderBy("since")
    .executeTakeFirstOrThrow();
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(row.since));
}

async function presenceRows(account: TestAccount): Promise<number> {
  const rows = await (
    await testDb()
  )
    .selectFrom("page_presence")
    .select("session_id")
    .where("page", "=", SLUG)
    .where("account_id", "=", account.id)
    .execute();
  return rows.length;
}

async function lastSeen(account: TestAccount): Promise<string[]> {
  const rows = await (
    await testDb()
  )
    .selectFrom("staff_sessions")
    .select("last_seen_at")
    .where("account_id", "=", account.id)
    .execute();
  return rows.map((row) => row.last_seen_at);
}

const notice = (page: Page) => page.getByTestId("editing-now");

test("two colleagues on one page see each other, and one's leaving clears the notice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  server = await startServer(PORT, { PRESENCE_HEARTBEAT_SECONDS: "2" });
  const ada = await createAccount({ role: "editor", name: `Ada ${Date.now()}` });
  const ben = await createAccount({ role: "practitioner", name: `Ben ${Date.now()}` });
  const adaContext = await browser.newContext();
  const benContext = await browser.newContext();
  const adaPage = await adaContext.newPage();
  const benPage = await benContext.newPage();

  await signIn(adaPage, { account: ada, base: server.base });
  await adaPage.goto(`${server.base}/staff/content/${SLUG}`);
  // Ada's second tab is still Ada: never "someone else".
  const adaTab = await adaContext.newPage();
  await adaTab.goto(`${server.base}/staff/content/${SLUG}`);
  await expect(notice(adaTab)).toHaveText("");
  const adaSince = await sinceOf(ada);

  await signIn(benPage, { account: ben });
  await benPage.goto(`/staff/content/${SLUG}`);
  // Ben sees Ada as his page opens (without waiting for a heartbeat).
  await expect(notice(benPage)).toHaveText(`${ada.name} is editing this page (since ${adaSince}).`);
  const benSince = await sinceOf(ben);
  const adaSeen = await lastSeen(ada);

  // Ada's open editor learns of Ben at its next heartbeat.
  await expect(notice(adaPage)).toHaveText(
    `${ben.name} is editing this page (since ${benSince}).`,
    { timeout: 10_000 },
  );
  await expect(notice(adaPage)).not.toContainText(ada.name);
  for (const width of [375, 1280]) {
    await adaPage.setViewportSize({ width, height: 800 });
    const results = await new AxeBuilder({ page: adaPage })
      .include("[data-testid=editing-now]")
      .analyze();
    expect(results.violations).toEqual([]);
  }
  // Without JavaScript, a third colleague sees both as the page loads.
  const cy = await createAccount({ role: "editor", name: `Cy ${Date.now()}` });
  const cyContext = await browser.newContext({ javaScriptEnabled: false });
  const cyPage = await cyContext.newPage();
  await signIn(cyPage, { account: cy });
  await cyPage.goto(`/staff/content/${SLUG}`);
  await expect(notice(cyPage)).toContainText(
    `${ada.name} is editing this page (since ${adaSince}).`,
  );
  await expect(notice(cyPage)).toContainText(
    `${ben.name} is editing this page (since ${benSince}).`,
  );
  await cyContext.close();
  // Heartbeats are the page's own doing: they do not keep Ada signed in.
  expect(await lastSeen(ada)).toEqual(adaSeen);

  // Ben leaves: his beacon takes him off at once, not a minute later.
  await benPage.goto("/staff/content");
  await expect.poll(() => presenceRows(ben), { timeout: 5_000 }).toBe(0);
  await expect(notice(adaPage)).not.toContainText(ben.name, { timeout: 10_000 });
  // Cy, without JavaScript, sent no beacon: still there until a minute after the page load.
  await expect(notice(adaPage)).toContainText(cy.name);

  await adaContext.close();
  await benContext.close();
});
