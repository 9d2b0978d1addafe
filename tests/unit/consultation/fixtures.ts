import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { createFormToken } from "@/lib/consultation/token";
import type { SubmitDeps } from "@/lib/consultation/submit";
import type { Database } from "@/lib/db/types";
import { META_FIELDS } from "@/lib/validations/consultation-fields";

export const TOKEN_KEY = Buffer.alloc(32, 7);
export const RENDERED_AT = new Date("2025-03-03T10:00:00.000Z");
export const SUBMITTED_AT = new Date("2025-03-03T10:02:00.000Z");

export type FormRecord = Record<string, string | string[]>;

export function validForm(overrides: FormRecord = {}): FormRecord {
  const key = String(overrides[META_FIELDS.key] ?? randomUUID());
  return {
    fullName: "Ada Lovelace",
    email: "ada@example.com",
    phone: "+44 20 7946 0958",
    preferredContact: "email",
    painArea: "lower-back",
    painDuration: "6-12-weeks",
    preferredTimes: ["weekday-morning", "saturday-morning"],
    message: "It hurts when I sit for long.",
    firstVisit: "yes",
    consent: "yes",
    [META_FIELDS.token]: createFormToken(TOKEN_KEY, RENDERED_AT, key),
    [META_FIELDS.key]: key,
    ...overrides,
  };
}

export function toFormData(record: FormRecord): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

export function testDeps(db: Kysely<Database>, overrides: Partial<SubmitDeps> = {}): SubmitDeps {
  return {
    db,
    now: () => SUBMITTED_AT,
    clientHash: "client-a",
    tokenKey: TOKEN_KEY,
    minFillSeconds: 3,
    rateLimit: { count: 1_000_000, minutes: 10 },
    globalLimit: { count: 1_000_000, minutes: 10 },
    mailEnabled: false,
    // Off unless a test is about the visitor's acknowledgement, so clinic-email tests count one email.
    acknowledge: false,
    ...overrides,
  };
}

/** A database whose every use throws, as a full disk or a lost connection would. */
export function unusableDb(message: string): Kysely<Database> {
  return new Proxy({} as Kysely<Database>, {
    get() {
      throw new Error(message);
    },
  });
}

export async function countRows(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("consultation_requests")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
