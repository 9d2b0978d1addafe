import type { Kysely } from "kysely";
import {
  findByIdempotencyKey,
  insertConsultationRequest,
  isUniqueViolation,
  type StoredSummary,
} from "@/lib/db/consultation-requests";
import { recordRateEvent } from "@/lib/db/rate-events";
import type { Database, NewConsultationRequest } from "@/lib/db/types";
import { generateReference } from "./reference";

const REFERENCE_ATTEMPTS = 5;

/**
 * Writes the request and its rate event in one transaction, so either both are
 * committed or neither. A re-sent form (same idempotency key) returns the row
 * already stored; a reference collision is retried with a fresh reference.
 */
export async function storeRequest(
  db: Kysely<Database>,
  row: Omit<NewConsultationRequest, "reference">,
  reference: () => string = generateReference,
): Promise<StoredSummary> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const inserted = await db.transaction().execute(async (trx) => {
        const stored = await insertConsultationRequest(trx, { ...row, reference: reference() });
        if (stored) {
          await recordRateEvent(trx, "consultation", row.client_hash, new Date(row.created_at));
        }
        return stored;
      });
      if (inserted) return inserted;
      const existing = await findByIdempotencyKey(db, row.idempotency_key);
      if (existing) return existing;
      throw new Error("A request with this idempotency key was reported but could not be read");
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}
