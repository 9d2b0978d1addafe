import type { Kysely } from "kysely";
import {
  findByIdempotencyKey,
  insertConsultationRequest,
  isUniqueViolation,
  type StoredSummary,
} from "@/lib/db/consultation-requests";
import { countRateEvents, recordRateEvent } from "@/lib/db/rate-events";
import type { Database, NewConsultationRequest } from "@/lib/db/types";
import { writeTransaction } from "@/lib/db/write-transaction";
import { generateReference } from "./reference";

const REFERENCE_ATTEMPTS = 5;

export type Window = { count: number; minutes: number };
export type StoreLimits = { perClient: Window; global: Window };

function since(row: { created_at: string }, window: Window): Date {
  return new Date(new Date(row.created_at).getTime() - window.minutes * 60_000);
}

/** Kept where staff can still find a false positive, and never emailed about. */
function asSpam(row: Omit<NewConsultationRequest, "reference">) {
  return { ...row, status: "spam" as const, notify_state: "off" as const, notify_next_at: null };
}

/**
 * Counts, checks the limits and writes the request and its rate event in one
 * write transaction (see lib/db/write-transaction.ts), so thirty parallel
 * posts from one client store exactly as many rows as the limit allows. Over
 * the per-client limit nothing is stored; over the global ceiling (all clients
 * together, whatever addresses they claim) the request is stored as spam and
 * answered like any other. A re-sent form (same idempotency key) returns the
 * row already stored; a reference collision is retried with a fresh reference.
 */
export async function storeRequest(
  db: Kysely<Database>,
  row: Omit<NewConsultationRequest, "reference">,
  limits: StoreLimits,
  reference: () => string = generateReference,
): Promise<StoredSummary | "rate-limited"> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const inserted = await writeTransaction(
        db,
        async (trx) => {
          const mine = await countRateEvents(
            trx,
            "consultation",
            row.client_hash,
            since(row, limits.perClient),
          );
          if (mine >= limits.perClient.count) return "rate-limited" as const;
          const all = await countRateEvents(trx, "consultation", null, since(row, limits.global));
          const toStore = all >= limits.global.count ? asSpam(row) : row;
          const stored = await insertConsultationRequest(trx, {
            ...toStore,
            reference: reference(),
          });
          if (stored) {
            await recordRateEvent(trx, "consultation", row.client_hash, new Date(row.created_at));
          }
          return stored;
        },
        { lock: "rate:consultation" },
      );
      if (inserted) return inserted;
      const existing = await findByIdempotencyKey(db, row.idempotency_key);
      if (existing) return existing;
      throw new Error("A request with this idempotency key was reported but could not be read");
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}
