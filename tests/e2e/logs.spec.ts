import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { LOG_EVENTS } from "@/lib/log-events";
import { CONSULTATION_FIELDS } from "@/lib/validations/consultation-fields";
import { E2E_PORT } from "./server-env";
import { createAccount, signIn } from "./staff-fixtures";
import { startServer, stopAllServers, type OwnServer } from "./own-server";

/*
 * What the server writes while it handles a visitor's and a member of staff's
 * personal data: every value they type carries a marker, and no line the
 * server writes may hold one, nor the client address the proxy passed on.
 * Every line is ours (JSON with time, level and a catalogued event) except
 * Next.js's own start-up banner, named below.
 */
// Off the tens the other specs use, so runs beside each other (other E2E_PORTs) do not meet.
const PORT = E2E_PORT + 1095;
const BASE = `http://127.0.0.1:${PORT}`;

const id = randomBytes(5).toString("hex");
// "zq" is no hex digit: a request id or a hash can never spell a marker by chance.
const MARK = `zq${id}`;
const phoneDigits = `7700${String(parseInt(id, 16) % 1e6).padStart(6, "0")}`;
const PHONE = `+44 ${phoneDigits.slice(0, 4)} ${phoneDigits.slice(4)}`;
const CLIENT = `198.51.100.${(parseInt(id, 16) % 200) + 20}`;
const FORGED_ID = `${MARK}-forged-request-id`;
// Shown once the request is stored (with the advice the ticked sign calls for).
const REFERENCE = /BP-[23456789A-Z]{6}/;

/** What the visitor types into each text field of the catalogue: a marker in every one. */
const typed: Record<string, string> = {
  fullName: `Pat ${MARK}name`,
  email: `${MARK}email@example.com`,
  phone: PHONE,
  message: `My back hurts ${MARK}message, worse after driving`,
};

// Next.js's own start-up banner: the only lines that are not ours.
const NEXT_BANNER = [
  /^▲ Next\.js \d+\.\d+\.\d+$/,
  /^- (Local|Network): +http:\/\/\S+$/,
  /^✓ (Starting\.\.\.|Ready in \S+|Running next\.config(\.ts)? took \S+)$/,
  // Said by `next start` (the service unit, these tests) on the standalone build the image runs.
  /^⚠ "next start" does not work with "output: standalone" configuration\. Use "node \.next\/standalone\/server\.js" instead\.$/,
];

const root = mkdtempSync(path.join(tmpdir(), "clinic-logs-"));
let server: OwnServer;
let db: Kysely<Database>;

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServer(PORT, {
    DATA_DIR: path.join(root, "data"),
    // Nothing listens there: every clinic email fails and is retried.
    SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    MAIL_TO: `clinic-${MARK}@example.com`,
    // Everything our code can write, so a leak at any level shows.
    LOG_LEVEL: "trace",
  });
  db = createDb({ dataDir: path.join(root, "data") });
});

test.afterAll(async () => {
  await db?.destroy();
  await stopAllServers();
  rmSync(root, { recursive: true, force: true });
});

async function clientPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    // As the proxy in front passes the visitor's address on (TRUSTED_PROXIES=1), and a
    // request id the client made up: neither may reach the log.
    extraHTTPHeaders: { "x-forwarded-for": CLIENT, "x-request-id": FORGED_ID },
  });
  return context.newPage();
}

async function fillAndSend(page: Page, values: Record<string, string>): Promise<void> {
  await page.goto(`${BASE}/consultation`);
  const opened = Date.now();
  for (const field of CONSULTATION_FIELDS) {
    if (!("max" in field)) continue;
    const value = values[field.name];
    if (value === undefined) throw new Error(`No marker value for the text field ${field.name}`);
    await page.locator(`[name="${field.name}"]`).fill(value);
  }
  await page.getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByRole("radio", { name: "Lower back" }).check();
  await page.getByRole("radio", { name: "Over 3 months" }).check();
  await page.getByRole("checkbox", { name: "Weekday mornings" }).check();
  await page.getByRole("radio", { name: /^Yes, this is my first visit/ }).check();
  await page.getByRole("checkbox", { name: /Pain that is worse at night/ }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  // The form's minimum fill time (CONSULTATION_MIN_FILL_SECONDS=1 in the journeys' settings).
  await page.waitForTimeout(Math.max(0, opened + 1_300 - Date.now()));
  await page.getByRole("button", { name: "Send request" }).click();
}

function lines(): string[] {
  return server
    .output()
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function events(name: string): Record<string, unknown>[] {
  return lines()
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.event === name);
}

test("a consultation request with JavaScript: stored, logged without what was typed", async ({
  browser,
}) => {
  const page = await clientPage(browser, true);
  await fillAndSend(page, typed);
  await expect(page.getByText(REFERENCE)).toBeVisible();
  await expect.poll(() => events("consultation.stored").length).toBe(1);
  await page.context().close();
});

test("without JavaScript: the answer's X-Request-Id is the id its log line carries", async ({
  browser,
}) => {
  const page = await clientPage(browser, false);
  const posted = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/consultation",
  );
  await fillAndSend(page, { ...typed, fullName: `Sam ${MARK}nojs`, message: `${MARK}nojs` });
  const requestId = (await posted).headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  await expect(page.getByText(REFERENCE)).toBeVisible();
  await expect
    .poll(() => events("consultation.stored").map((line) => line.requestId))
    .toContain(requestId);
  await page.context().close();
});

test("a request with a problem to fix is logged as refused, still without its values", async ({
  browser,
}) => {
  const page = await clientPage(browser, false);
  await fillAndSend(page, { ...typed, email: `not-an-address-${MARK}` });
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect
    .poll(() => events("consultation.refused").map((l) => l.outcome))
    .toContain("invalid");
  await page.context().close();
});

test("the clinic email cannot be sent: a retry is logged, without the addresses", async () => {
  await expect.poll(() => events("mail.retry").length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(events("mail.retry")[0]).toMatchObject({ level: "warn", counts: { attempt: 1 } });
});

test("staff: a wrong password, then a signed-in person's note", async ({ browser }) => {
  // With no account yet, /staff explains how to make one instead of asking for a password.
  const account = await createAccount({ db, name: `Staff ${MARK}staffname` });
  const page = await clientPage(browser, true);
  await page.goto(`${BASE}/staff`);
  await page.getByLabel("Email").fill(`${MARK}signin@example.com`);
  await page.getByLabel("Password").fill(`password ${MARK}secret`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await expect.poll(() => events("staff.signin.refused").map((l) => l.outcome)).toContain("wrong");

  await signIn(page, { account, base: BASE, db });
  const reference = await db
    .selectFrom("consultation_requests")
    .select("reference")
    .executeTakeFirstOrThrow();
  await page.goto(`${BASE}/staff/requests/${reference.reference}`);
  await page.getByLabel("Private note").fill(`Called back ${MARK}note`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Note added.");
  await expect
    .poll(() => events("staff.action").map((l) => l.subject))
    .toContain("saveFollowUpAction");
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(server.output()).not.toContain(cookie.value);
  expect(server.output()).not.toContain(account.email);
  await page.context().close();
});

test("no line holds a marker or the client's address; every line is ours or Next.js's banner", () => {
  const output = server.output();
  // Enough happened for the check to mean something.
  for (const event of ["startup.ready", "consultation.stored", "mail.retry", "staff.action"]) {
    expect([event, events(event).length > 0]).toEqual([event, true]);
  }
  const leaks = lines().filter(
    (line) =>
      line.toLowerCase().includes(MARK) ||
      line.includes(CLIENT) ||
      line.includes(phoneDigits) ||
      line.includes(PHONE),
  );
  expect(leaks).toEqual([]);

  const foreign = lines().filter((line) => {
    // Next.js colours its banner when the environment asks for colour (FORCE_COLOR).
    const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
    if (NEXT_BANNER.some((banner) => banner.test(plain))) return false;
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      return !(
        typeof parsed.time === "string" &&
        typeof parsed.level === "string" &&
        typeof parsed.event === "string" &&
        parsed.event in LOG_EVENTS
      );
    } catch {
      return true;
    }
  });
  expect(foreign).toEqual([]);
  expect(output.length).toBeGreaterThan(0);
});
