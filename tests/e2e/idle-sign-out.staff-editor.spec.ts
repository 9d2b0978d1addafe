import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Kysely } from "kysely";
import { createDb } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { startServer, stopAllServers, type OwnServer } from "./own-server";
import { E2E_PORT } from "./server-env";
import { createAccount, signIn } from "./staff-fixtures";
import { enrolAuthenticator } from "./two-step-fixtures";
import { preferSourceView } from "./editor-fixtures";

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));

/*
 * Idle sign-out, on a server of its own with STAFF_IDLE_MINUTES of 15
 * seconds: the notice comes first, the session ends on the server, and the
 * page text typed before is offered back after signing in again.
 */
const IDLE_SECONDS = 15;
let server: OwnServer;
let db: Kysely<Database>;
const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-idle-"));
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServer(E2E_PORT + 1030, {
    DATA_DIR: dataDir,
    STAFF_IDLE_MINUTES: String(IDLE_SECONDS / 60),
  });
  db = createDb({ dataDir });
});
test.afterAll(async () => {
  await db.destroy();
  await stopAllServers();
  rmSync(dataDir, { recursive: true, force: true });
});

test("idle sign-out warns first, ends the session and keeps the editor's draft", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const account = await createAccount({ role: "editor", db });
  await signIn(page, { account, base: server.base, db });
  await page.goto(`${server.base}/staff/content/benefits`);
  const body = page.getByLabel("Page text");
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n\nTyped before walking away.");
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible();
  const lastActivity = Date.now();

  await expect(
    page.getByRole("alert").filter({ hasText: "you will be signed out at" }),
  ).toBeVisible({
    timeout: IDLE_SECONDS * 1000,
  });
  await expect(page.getByRole("button", { name: "Stay signed in" })).toBeVisible();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: `You were signed out after ${IDLE_SECONDS} seconds` }),
  ).toBeVisible({ timeout: IDLE_SECONDS * 1000 });
  // The server counts from the last save, which came after the page loaded.
  await page.waitForTimeout(Math.max(0, lastActivity + IDLE_SECONDS * 1000 + 1000 - Date.now()));

  await page.getByRole("link", { name: "sign in again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
  const ended = await db
    .selectFrom("staff_sessions")
    .select(["ended_at", "last_seen_at"])
    .where("account_id", "=", account.id)
    .execute();
  expect(ended).toHaveLength(1);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Two-step sign-in is required: this account's first password asks it to set up an app.
  await enrolAuthenticator(page);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`${server.base}/staff/content/benefits`);
  await page.getByRole("button", { name: "Continue the draft" }).click();
  await expect(body).toHaveValue(/Typed before walking away\.$/);
});

test("Stay signed in keeps the session past the idle time", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, { role: "editor", base: server.base, db });
  await page.goto(`${server.base}/staff/images`);
  const stay = page.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeVisible({ timeout: IDLE_SECONDS * 1000 });
  await stay.click();
  await expect(stay).toHaveCount(0);
  // Past the first deadline: still signed in, as the server sees it.
  await page.waitForTimeout(IDLE_SECONDS * 600);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();
});
