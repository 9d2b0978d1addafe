import "server-only";
import type { Kysely } from "kysely";
import { reachedLimit, recordRateEvent } from "./rate-events";
import type { RedFlagLevel } from "@/lib/validations/consultation-fields";
import type { Database, NewConsultationRequest, NotifyState } from "./types";
import { writeTransaction } from "./write-transaction";

export type StoredSummary = {
  id: number;
  reference: string;
  urgent: number;
  red_flag_level: RedFlagLevel | null;
  preferred_contact: string;
  notify_state: NotifyState;
  ack_state: NotifyState;
};

const summaryColumns = [
  "id",
  "reference",
  "urgent",
  "red_flag_level",
  "preferred_contact",
  "notify_state",
  "ack_state",
] as const;

export type RateWindow = { count: number; minutes: number };

const since = (row: NewConsultationRequest, window: RateWindow) =>
  new Date(new Date(row.created_at).getTime() - window.minutes * 60_000);

/**
 * Counts, checks the limits and writes the request and its rate event in one
 * write transaction (see write-transaction.ts), so thirty parallel posts from
 * one client store exactly as many rows as the limit allows. Over the
 * per-client limit nothing is stored; over the global ceiling (all clients
 * together, whatever addresses they claim) the request is stored as spam, and
 * never emailed about: neither the clinic nor the visitor. When the idempotency key is already stored it inserts
 * nothing and returns undefined; both SQLite and PostgreSQL support ON
 * CONFLICT ... DO NOTHING, so a double submit cannot race. A reference
 * collision throws a unique violation for the caller to retry.
 */
export async function insertConsultationRequest(
  db: Kysely<Database>,
  row: NewConsultationRequest,
  limits: { perClient: RateWindow; global: RateWindow },
): Promise<StoredSummary | "rate-limited" | undefined> {
  return writeTransaction(
    db,
    async (trx) => {
      const { perClient, global } = limits;
      const hash = row.client_hash;
      if (await reachedLimit(trx, "consultation", hash, since(row, perClient), perClient.count))
        return "rate-limited" as const;
      const overCeiling = await reachedLimit(
        trx,
        "consultation",
        null,
        since(row, global),
        global.count,
      );
      const toStore = overCeiling
        ? {
            ...row,
            status: "spam" as const,
            notify_state: "off" as const,
            notify_next_at: null,
            ack_state: "off" as const,
            ack_next_at: null,
          }
        : row;
      const stored = await trx
        .insertInto("consultation_requests")
        .values(toStore)
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .returning(summaryColumns)
        .executeTakeFirst();
      if (stored) {
        await recordRateEvent(trx, "consultation", row.client_hash, new Date(row.created_at));
      }
      return stored;
    },
    { lock: "rate:consultation" },
  );
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
