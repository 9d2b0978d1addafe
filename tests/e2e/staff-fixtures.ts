import { randomBytes, randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import { generateReference } from "@/lib/consultation/submit";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { createSession } from "@/lib/db/staff-sessions";
import type { Database, NewConsultationRequest } from "@/lib/db/types";
import { can, type Role } from "@/lib/validations/permissions";
import { hashPassword } from "@/lib/staff/passwords";
import { newSessionToken, SESSION_COOKIE, sessionEnd } from "@/lib/staff/session";
import { insertRequest } from "../shared/insert-request";
import { E2E_BASE_URL, e2eServerEnv } from "./server-env";

/*
 * Staff journeys seed rows straight into the server's SQLite file (WAL mode
 * makes sharing it safe) and read them back to prove what changed or did not.
 * They sign in the same way: an account and a session written to the
 * database and the session's cookie set in the browser (as Epic Stack's
 * login fixture does); only the journeys about signing in use the form.
 */
export const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(1)>`;

let db: Kysely<Database> | undefined;

export async function testDb(): Promise<Kysely<Database>> {
  if (!db) {
    db = createDb({ dataDir: e2eServerEnv.DATA_DIR });
    await migrateToLatest(db);
  }
  return db;
}

// A fresh address block per run, so lockouts left by an earlier run on a reused server never interfere.
const runBlock = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
export const clientIp = (n: number) => `${runBlock}.${n}`;

export async function seedRequest(
  overrides: Partial<NewConsultationRequest> = {},
): Promise<string> {
  const reference = generateReference();
  return insertRequest(await testDb(), {
    reference,
    full_name: `Patient ${reference}`,
    email: `${reference.toLowerCase()}@example.com`,
    message: `Secret message ${reference}`,
    client_hash: "e2e",
    ...overrides,
  });
}

export async function readRequest(reference: string) {
  const d = await testDb();
  const request = await d
    .selectFrom("consultation_requests")
    .select(["id", "status"])
    .where("reference", "=", reference)
    .executeTakeFirst();
  const events = request
    ? await d
        .selectFrom("request_events")
        .selectAll()
        .where("request_id", "=", request.id)
        .execute()
    : [];
  return { status: request?.status, events };
}

/** The password of every account the journeys make (accounts differ by their email). */
export const TEST_PASSWORD = "e2e violet kettle harbour";
let passwordHash: Promise<string> | undefined;

export interface TestAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** An active account with TEST_PASSWORD, in the e2e server's database or in `db`. */
export async function createAccount(
  options: { role?: Role; name?: string; db?: Kysely<Database> } = {},
): Promise<TestAccount> {
  const db = options.db ?? (await testDb());
  const id = randomUUID();
  const role = options.role ?? "owner";
  const name = options.name ?? `E2E ${role} ${id.slice(0, 6)}`;
  const email = `${role}-${id.slice(0, 8)}@example.com`;
  const now = new Date().toISOString();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  await db
    .insertInto("staff_accounts")
    .values({
      id,
      email,
      name,
      role,
      state: "active",
      password_hash: await passwordHash,
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
    })
    .execute();
  return { id, email, name, role, password: TEST_PASSWORD };
}

/**
 * Signs in without the form: a full session for `account` (or for a new
 * account with `role`, owner by default) and its cookie in the page's
 * browser context, then opens /staff. Gives the account.
 */
export async function signIn(
  page: Page,
  options: { role?: Role; account?: TestAccount; base?: string; db?: Kysely<Database> } = {},
): Promise<TestAccount> {
  const db = options.db ?? (await testDb());
  const account = options.account ?? (await createAccount({ role: options.role, db }));
  const { token, hash } = newSessionToken();
  const now = new Date();
  await createSession(db, {
    id: randomUUID(),
    tokenHash: hash,
    accountId: account.id,
    stage: "full",
    userAgent: "Playwright",
    clientHash: "e2e",
    now,
    expiresAt: sessionEnd(now),
  });
  const base = options.base ?? E2E_BASE_URL;
  await page.context().addCookies([
    {
      name: SESSION_COOKIE,
      value: token,
      domain: new URL(base).hostname,
      path: "/staff",
      httpOnly: true,
      sameSite: "Strict",
      expires: Math.floor(sessionEnd(now).getTime() / 1000),
    },
  ]);
  await page.goto(`${base}/staff`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  if (can(account.role, "requests.read")) {
    await expect(
      page.getByRole("heading", { level: 1, name: "Consultation requests" }),
    ).toBeVisible();
  }
  return account;
}

/** The sign-in form, filled and sent (for the journeys about signing in). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/staff");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The server action fields each of a page's forms posts without JavaScript:
 * `$ACTION_ID_…` for a plain action, or the action reference and the bound
 * previous answer for a form with state (useActionState). `text` is the form's HTML.
 */
export function actionForms(html: string): { fields: Record<string, string>; text: string }[] {
  return html
    .split("<form")
    .slice(1)
    .map((part) => {
      const text = part.slice(0, part.indexOf("</form>"));
      const inputs = text.matchAll(
        /<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g,
      );
      const fields = Object.fromEntries(
        [...inputs].map((m) => [m[1] as string, unescapeHtml(m[2] ?? "")]),
      );
      return { fields, text };
    })
    .filter((form) => Object.keys(form.fields).length > 0);
}
