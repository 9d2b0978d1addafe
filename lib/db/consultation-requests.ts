import type { Kysely } from "kysely";
import type { RedFlagLevel } from "@/lib/content/red-flags";
import type { Database, NewConsultationRequest } from "./types";

export type StoredSummary = {
  id: number;
  reference: string;
  urgent: number;
  red_flag_level: RedFlagLevel | null;
  preferred_contact: string;
};

const summaryColumns = [
  "id",
  "reference",
  "urgent",
  "red_flag_level",
  "preferred_contact",
] as const;

/**
 * Inserts a request unless its idempotency key is already stored, in which case
 * it returns undefined and the caller looks the first one up. Both SQLite and
 * PostgreSQL support ON CONFLICT ... DO NOTHING, so a double submit cannot race.
 */
export async function insertConsultationRequest(
  db: Kysely<Database>,
  row: NewConsultationRequest,
): Promise<StoredSummary | undefined> {
  return db
    .insertInto("consultation_requests")
    .values(row)
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning(summaryColumns)
    .executeTakeFirst();
}

export async function findByIdempotencyKey(
  db: Kysely<Database>,
  key: string,
): Promise<StoredSummary | undefined> {
  return db
    .selectFrom("consultation_requests")
    .select(summaryColumns)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
