import "server-only";
import type { Kysely } from "kysely";
import { recordRateEvent } from "./rate-events";
import type { RedFlagLevel } from "@/lib/validations/consultation-fields";
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
 * Inserts a request and its rate event in one transaction, so either both are
 * committed or neither. When the idempotency key is already stored it inserts
 * nothing and returns undefined; both SQLite and PostgreSQL support ON CONFLICT
 * ... DO NOTHING, so a double submit cannot race. A reference collision throws
 * a unique violation for the caller to retry with a fresh reference.
 */
export async function insertConsultationRequest(
  db: Kysely<Database>,
  row: NewConsultationRequest,
): Promise<StoredSummary | undefined> {
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .insertInto("consultation_requests")
      .values(row)
      .onConflict((oc) => oc.column("idempotency_key").doNothing())
      .returning(summaryColumns)
      .executeTakeFirst();
    if (stored)
      await recordRateEvent(trx, "consultation", row.client_hash, new Date(row.created_at));
    return stored;
  });
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
