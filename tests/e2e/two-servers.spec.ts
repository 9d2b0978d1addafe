import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { insertRequest } from "../shared/insert-request";
import { TestSmtp } from "../shared/smtp-test-server";
import { findTestDatabase, freshSchema } from "../shared/test-postgres";
import {
  DEPLOY_CADDYFILE,
  rawGet,
  startCaddy,
  stopAllProxies,
  type CaddyProxy,
} from "./caddy-server";
import { expectLive, publish } from "./editor-fixtures";
import { startServer, stopAllServers, type OwnServer } from "./own-server";
import { E2E_PORT } from "./server-env";
import { signIn } from "./staff-fixtures";

/*
 * Two app servers on one PostgreSQL database behind Caddy, load-balanced by
 * deploy/Caddyfile's two-server alternative. Each server has its own copy of
 * the build, so its own page cache, as on two machines. Staff publish on
 * server A; visitors reaching server B through Caddy see the change within
 * seconds. Both servers sweep the same due emails at once; each goes out once.
 *
 * Which server answered: B's SITE_URL is Caddy's address, A's its own, and a
 * page names its address in its canonical link; an email in its staff link.
 */
const PORT_A = E2E_PORT + 1050;
const PORT_B = E2E_PORT + 1051;
const HTTPS_PORT = E2E_PORT + 1052;
const PROXY = `https://127.0.0.1:${HTTPS_PORT}`;
const EMAILS = 8;

const distDir = process.env.NEXT_DIST_DIR || ".next";
const distB = `${distDir}-second-server`;
let temp: string | undefined;
let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;
let db: Kysely<Database> | undefined;
let smtp: TestSmtp | undefined;
let caddy: CaddyProxy | undefined;

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await stopAllProxies();
  await stopAllServers();
  await smtp?.stop();
  await db?.destroy();
  await schema?.drop();
  rmSync(distB, { recursive: true, force: true });
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/*
 * deploy/Caddyfile with its two-server alternative in force: the commented
 * reverse_proxy block, uncommented, in place of the active one; nothing else changed.
 */
const ACTIVE_BLOCK = /^\treverse_proxy [^\n]*\{\n(?:\t\t[^\n]*\n)*\t\}\n/m;
const COMMENTED_BLOCK = /^\t#\treverse_proxy [^\n]*\{\n(?:\t#\t\t[^\n]*\n)*\t#\t\}\n/m;

function twoServerCaddyfile(caddyfile: string): string {
  const commented = COMMENTED_BLOCK.exec(caddyfile)?.[0];
  if (!commented || !ACTIVE_BLOCK.test(caddyfile)) {
    throw new Error("deploy/Caddyfile has no reverse_proxy block with a commented alternative");
  }
  const uncommented = commented.replace(/^\t#\t/gm, "\t");
  return caddyfile.replace(commented, "").replace(ACTIVE_BLOCK, uncommented);
}

/** A page through Caddy, its certificate checked against Caddy's own authority. */
async function throughCaddy(pathname: string): Promise<{ status: number; html: string }> {
  const response = await rawGet(`${PROXY}${pathname}`, {}, caddy?.ca);
  return { status: response.status, html: response.body.toString("utf8") };
}

/** The server behind a page: the address its canonical link names. */
const servedBy = (html: string, a: OwnServer) =>
  html.includes(`<link rel="canonical" href="${PROXY}/`)
    ? "B"
    : html.includes(`<link rel="canonical" href="${a.base}/`)
      ? "A"
      : "unknown";

test("a publish on one server reaches visitors of the other through Caddy within seconds; each email goes out once", async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  const dir = (temp = mkdtempSync(path.join(tmpdir(), "clinic-two-servers-")));
  const database = findTestDatabase();
  if (!database.url) throw new Error(database.problem);
  schema = await freshSchema(database.url);
  db = createDb({ databaseUrl: schema.url, dataDir: "" });
  await migrateToLatest(db);

  // Emails due before either server starts: both sweep them at start-up, at the same time.
  const now = new Date().toISOString();
  const references: string[] = [];
  for (let i = 0; i < EMAILS; i += 1) {
    references.push(
      await insertRequest(db, {
        created_at: now,
        notify_state: "pending",
        notify_attempts: 0,
        notify_next_at: now,
        notified_at: null,
      }),
    );
  }
  const mailServer = (smtp = await TestSmtp.onFreePort());
  // A slow mail server keeps one server's sweep going while the other's runs.
  mailServer.acceptDelayMs = 1_500;
  await mailServer.start();

  // Server B gets a build folder of its own (its own page cache); the build's compile cache stays.
  cpSync(distDir, distB, {
    recursive: true,
    filter: (source) => !["cache", "standalone"].includes(path.relative(distDir, source)),
  });
  const shared = {
    DATABASE_URL: schema.url,
    APP_SECRET: randomBytes(32).toString("hex"),
    SMTP_URL: mailServer.url,
    TRUSTED_PROXIES: "1",
  };
  const [a] = await Promise.all([
    startServer(PORT_A, { ...shared, DATA_DIR: path.join(dir, "a") }),
    startServer(PORT_B, {
      ...shared,
      DATA_DIR: path.join(dir, "b"),
      NEXT_DIST_DIR: distB,
      SITE_URL: PROXY,
    }),
  ]);
  const site = path.join(dir, "Caddyfile.two-servers");
  writeFileSync(site, twoServerCaddyfile(readFileSync(DEPLOY_CADDYFILE, "utf8")));
  caddy = await startCaddy({
    port: HTTPS_PORT,
    hosts: ["127.0.0.1"],
    site,
    upstream: `127.0.0.1:${PORT_A}`,
    env: { APP_UPSTREAM_2: `127.0.0.1:${PORT_B}` },
  });

  // Both servers serve the page through Caddy, so each holds it in its page cache.
  const seen = new Set<string>();
  await expect(async () => {
    const { status, html } = await throughCaddy("/benefits");
    expect(status).toBe(200);
    seen.add(servedBy(html, a));
    expect([...seen].sort()).toEqual(["A", "B"]);
  }).toPass({ timeout: 20_000, intervals: [100] });

  await signIn(page, { base: a.base, db });
  await page.goto(`${a.base}/staff/content/benefits`);
  const title = `Benefits, published on server A ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  const publishedAt = Date.now();
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await expectLive(page, `${a.base}/benefits`, title);

  // Through Caddy, until server B answers with the new title. A minute is the promise; the
  // content watch makes it seconds. Half a minute leaves a slow machine room and still fails
  // without the watch, when only the pages' own 60-second revalidation would bring it.
  await expect(async () => {
    const { html } = await throughCaddy("/benefits");
    expect([servedBy(html, a), html.includes(title)]).toEqual(["B", true]);
  }).toPass({ timeout: 30_000 - (Date.now() - publishedAt), intervals: [500] });
  const seconds = Math.round((Date.now() - publishedAt) / 1000);
  test.info().annotations.push({ type: "B served the publish after", description: `${seconds} s` });
  expect(seconds).toBeLessThan(30);
  // And B, asked directly, has it in its own cache.
  expect(await (await fetch(`http://127.0.0.1:${PORT_B}/benefits`)).text()).toContain(title);

  // Both servers swept at start-up; every email has gone out once the slower sweep ends.
  await expect
    .poll(() => mailServer.received.length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(EMAILS);
  // A second copy of one, had a server sent it, could still be in flight.
  await new Promise((resolve) => setTimeout(resolve, 2 * mailServer.acceptDelayMs));
  const sentBy = { A: 0, B: 0 };
  for (const reference of references) {
    const mails = mailServer.received.filter((mail) => mail.raw.includes(reference));
    expect([reference, mails.length]).toEqual([reference, 1]);
    const raw = mails[0]?.raw ?? "";
    if (raw.includes(`${PROXY}/staff`)) sentBy.B += 1;
    else if (raw.includes(`${a.base}/staff`)) sentBy.A += 1;
  }
  test.info().annotations.push({ type: "emails sent by", description: JSON.stringify(sentBy) });
  expect(sentBy.A + sentBy.B).toBe(EMAILS);
  // Both swept while the emails were due, and still none went out twice.
  expect(sentBy.A).toBeGreaterThan(0);
  expect(sentBy.B).toBeGreaterThan(0);
});
