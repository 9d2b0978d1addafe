import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { TestSmtp } from "../shared/smtp-test-server";
import { REFERENCE } from "./consultation-fixtures";
import { E2E_PORT } from "./server-env";
import { signIn } from "./staff-fixtures";
import { startServer, stopAllServers } from "./own-server";

/*
 * The visitor's acknowledgement (issue 19), end to end: a server of its own
 * sends through a real SMTP server in this process, and every email that
 * arrives is counted. The visitor's name and message carry markers that no
 * email may hold.
 */
// Off the tens the other specs use (and off the Fetch standard's blocked ports).
const PORT = E2E_PORT + 1085;
const BASE = `http://127.0.0.1:${PORT}`;
const CLINIC_INBOX = "front-desk@clinic.example";
// Two requests per client per ten minutes, so a third and fourth are refused.
const RATE_LIMIT = 2;

// "zq" is no hex digit, so no reference or header can spell a marker by chance.
const MARK = `zq${randomBytes(4).toString("hex")}`;
const NAME = `Pat ${MARK}name`;
const MESSAGE = `Sciatica ${MARK}message after lifting`;
// The addresses (which the email is sent to, so its headers hold them) carry another id.
const RUN = randomBytes(4).toString("hex");
const HEALTH = [MARK, "Lower back", "lower-back", "Over 3 months", "over-3-months", "Sciatica"];

const root = mkdtempSync(path.join(tmpdir(), "clinic-ack-"));
let mail: TestSmtp;
let db: Kysely<Database>;
let client = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  mail = await TestSmtp.onFreePort();
  await mail.start();
  await startServer(PORT, {
    DATA_DIR: path.join(root, "data"),
    SMTP_URL: mail.url,
    MAIL_TO: CLINIC_INBOX,
    CONSULTATION_RATE_LIMIT: `${RATE_LIMIT}/10`,
  });
  db = createDb({ dataDir: path.join(root, "data") });
  await migrateToLatest(db);
});

test.afterAll(async () => {
  await db?.destroy();
  await stopAllServers();
  await mail?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A browser that the server sees as a client of its own (TRUSTED_PROXIES=1 in the journeys). */
async function visitor(browser: Browser): Promise<Page> {
  client += 1;
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${client + 10}` },
  });
  return context.newPage();
}

/** Fills and sends the form; gives the reference shown, or "" when the request was refused. */
async function send(page: Page, email: string): Promise<string> {
  await page.goto(`${BASE}/consultation`);
  const opened = Date.now();
  await page.getByLabel("Full name").fill(NAME);
  await page.getByRole("textbox", { name: /^Email/ }).fill(email);
  await page.getByRole("radio", { name: "Email", exact: true }).check();
  await page.getByRole("radio", { name: "Lower back" }).check();
  await page.getByRole("radio", { name: "Over 3 months" }).check();
  await page.getByRole("checkbox", { name: "Weekday mornings" }).check();
  await page.getByLabel("Anything else we should know").fill(MESSAGE);
  await page.getByRole("radio", { name: /^Yes, this is my first visit/ }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  await page.waitForTimeout(Math.max(0, opened + 1_300 - Date.now()));
  await page.getByRole("button", { name: "Send request" }).click();
  const thanks = page.getByRole("heading", { name: "Thank you, we have your request" });
  const refused = page.getByRole("heading", { name: "Too many requests from this connection" });
  await expect(thanks.or(refused)).toBeVisible();
  if (!(await thanks.isVisible())) return "";
  const text = (await page.getByText(/Your reference is/).textContent()) ?? "";
  return text.match(REFERENCE)?.[0] ?? "";
}

const to = (address: string) => mail.received.filter((m) => m.to.includes(address));
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Waits until the clinic's email about each reference arrived: the sweep has run past them. */
async function clinicEmailed(references: string[]): Promise<void> {
  await expect
    .poll(
      () =>
        references.every((reference) =>
          to(CLINIC_INBOX).some((m) => readable(m.raw).includes(reference)),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function requestPage(page: Page, reference: string): Promise<string> {
  await page.goto(`${BASE}/staff/requests/${reference}`);
  return (await page.locator('[data-field="Acknowledgement"]').textContent()) ?? "";
}

test("the visitor gets one acknowledgement with the reference, no health details and no name", async ({
  browser,
  page,
}) => {
  const address = `ack-${RUN}@example.com`;
  const reference = await send(await visitor(browser), address);
  expect(reference).toMatch(REFERENCE);
  await expect.poll(() => to(address).length, { timeout: 30_000 }).toBe(1);
  await clinicEmailed([reference]);
  const body = readable(to(address)[0]?.raw ?? "");
  expect(body).toContain(reference);
  expect(body).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
  expect(body).not.toMatch(/^List-Unsubscribe:/im);
  for (const secret of HEALTH) expect(body).not.toContain(secret);
  expect(body).not.toContain("Pat ");

  // Staff see that it went out.
  await signIn(page, { base: BASE, db });
  await expect.poll(() => requestPage(page, reference), { timeout: 10_000 }).toMatch(/^Sent /);
  expect(to(address)).toHaveLength(1);
});

test("past the rate limit no acknowledgement goes out", async ({ browser }) => {
  const address = `flood-${RUN}@example.com`;
  const page = await visitor(browser);
  const references: string[] = [];
  for (let i = 0; i < RATE_LIMIT + 2; i += 1) references.push(await send(page, address));
  const stored = references.filter(Boolean);
  expect(stored).toHaveLength(RATE_LIMIT);
  await clinicEmailed(stored);
  await expect.poll(() => to(address).length, { timeout: 30_000 }).toBe(RATE_LIMIT);
  // Two acceptances more, so a late extra email would still be counted.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(to(address)).toHaveLength(RATE_LIMIT);
});

test("turned off in clinic details, no acknowledgement goes out, and staff see it off", async ({
  browser,
  page,
}) => {
  await signIn(page, { base: BASE, db });
  await page.goto(`${BASE}/staff/clinic`);
  const box = page.getByRole("checkbox", { name: /Send each visitor an acknowledgement/ });
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole("button", { name: "Publish clinic details", exact: true }).click();
  await expect(page.getByText("Published. Every page shows the new details now.")).toBeVisible();

  const address = `off-${RUN}@example.com`;
  const reference = await send(await visitor(browser), address);
  expect(reference).toMatch(REFERENCE);
  await clinicEmailed([reference]);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(to(address)).toHaveLength(0);
  expect(await requestPage(page, reference)).toMatch(/^Off/);

  // On again: the next request is acknowledged.
  await page.goto(`${BASE}/staff/clinic`);
  await page.getByRole("checkbox", { name: /Send each visitor an acknowledgement/ }).check();
  await page.getByRole("button", { name: "Publish clinic details", exact: true }).click();
  await expect(page.getByText("Published. Every page shows the new details now.")).toBeVisible();
  const again = `on-${RUN}@example.com`;
  expect(await send(await visitor(browser), again)).toMatch(REFERENCE);
  await expect.poll(() => to(again).length, { timeout: 30_000 }).toBe(1);
});
