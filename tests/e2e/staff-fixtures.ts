import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import { generateReference } from "@/lib/consultation/submit";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database, NewConsultationRequest } from "@/lib/db/types";
import { insertRequest } from "../shared/insert-request";
import { e2eServerEnv } from "./server-env";

/*
 * Staff journeys seed rows straight into the server's SQLite file (WAL mode
 * makes sharing it safe) and read them back to prove what changed or did not.
 */
export const STAFF_PASSWORD = e2eServerEnv.STAFF_PASSWORD;
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

export async function submitPassword(page: Page, password: string): Promise<void> {
  await page.goto("/staff");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page): Promise<void> {
  await submitPassword(page, STAFF_PASSWORD);
  await expect(
    page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();
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
