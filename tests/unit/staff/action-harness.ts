import { sql, type Kysely } from "kysely";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { createDb } from "@/lib/db/client";
import { clinicToValues } from "@/lib/validations/clinic-form";
import type { Database } from "@/lib/db/types";
import type { TestDb } from "../db/test-databases";

/*
 * Staff actions run in tests as they run in Next.js, with only the request
 * around them stood in for: each test file mocks next/navigation with
 * `navigation` (a redirect is thrown, as Next.js does) and the session.
 */
export class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect to ${to}`);
  }
}

/** Next.js's forbidden() (403, app/forbidden.tsx) and notFound(), as thrown signals. */
export class Forbidden extends Error {
  constructor() {
    super("forbidden");
  }
}
export class NotFound extends Error {
  constructor() {
    super("not found");
  }
}

export const navigation = {
  redirect: (to: string): never => {
    throw new Redirected(to);
  },
  forbidden: (): never => {
    throw new Forbidden();
  },
  notFound: (): never => {
    throw new NotFound();
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Redirected || error instanceof Forbidden || error instanceof NotFound)
      throw error;
  },
};

export const session = {
  nonce: "test",
  accountId: "test-account",
  stage: "full" as const,
  issuedAt: new Date(),
  expiresAt: new Date(Date.now() + 3_600_000),
  lastSeenAt: new Date(),
  account: {
    name: "Sam",
    email: "sam@example.com",
    role: "owner" as const,
    state: "active" as const,
  },
};

export function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/**
 * The clinic details form as the editor posts it to publish: the details in
 * content/clinic.yaml with `changes` typed over them, and the opening hours
 * as their rows of fields.
 */
export function clinicPost(changes: Record<string, string> = {}): FormData {
  const values = clinicToValues(loadClinic());
  const posted = form({
    ...values.text,
    ...changes,
    hoursCount: values.hours.length,
    intent: "publish",
  });
  values.hours.forEach((row, i) => {
    for (const day of row.days) posted.append(`hours.${i}.days`, day);
    posted.set(`hours.${i}.opens`, row.opens);
    posted.set(`hours.${i}.closes`, row.closes);
  });
  return posted;
}

/** Runs an action that ends in a redirect; gives where it went. */
export async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Redirected)) throw error ?? new Error("the action did not redirect");
  return error.to;
}

/**
 * The same database, opened so that every write fails as on a read-only
 * DATA_DIR: SQLite's query_only, PostgreSQL's read-only transactions.
 */
export async function readOnlyCopy(t: TestDb): Promise<Kysely<Database>> {
  if ("dataDir" in t && typeof t.dataDir === "string") {
    const db = createDb({ dataDir: t.dataDir });
    await sql`pragma query_only = on`.execute(db);
    return db;
  }
  const url = new URL((t as TestDb & { url: string }).url);
  url.searchParams.set(
    "options",
    `${url.searchParams.get("options") ?? ""} -c default_transaction_read_only=on`.trim(),
  );
  return createDb({ databaseUrl: url.toString(), dataDir: "" });
}
