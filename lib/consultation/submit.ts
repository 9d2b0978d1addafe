import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { findByIdempotencyKey, type StoredSummary } from "@/lib/db/consultation-requests";
import { describeDbError } from "@/lib/db/write-transaction";
import type { Database } from "@/lib/db/types";
import { consultationSchema, toFieldErrors } from "@/lib/validations/consultation";
import { readConsultationForm, readFormMeta } from "@/lib/validations/consultation-form-data";
import { spamReason } from "./spam-checks";
import type { ConsultationFailure, ConsultationReceived, ConsultationState } from "./state";
import { storeRequest } from "./store-request";
import { toRequestRow } from "./to-row";

export type SubmitDeps = {
  db: Kysely<Database> | Promise<Kysely<Database>>;
  now: () => Date;
  clientHash: string;
  tokenKey: Buffer;
  minFillSeconds: number;
  rateLimit: { count: number; minutes: number };
  /** All clients together; beyond it requests are stored as spam. */
  globalLimit: { count: number; minutes: number };
  mailEnabled: boolean;
  /** Called after a request worth telling the clinic about is committed; must not block. */
  onStored?: () => void;
};

/**
 * The whole consultation submit, free of Next.js so tests can drive it with
 * any FormData, database and clock. It never throws: every outcome is a state
 * the form can show.
 */
export async function submitConsultation(
  formData: FormData,
  deps: SubmitDeps,
): Promise<ConsultationState> {
  const values = readConsultationForm(formData);
  const meta = readFormMeta(formData);
  const fail = (status: ConsultationFailure["status"], errors = {}): ConsultationFailure => ({
    status,
    errors,
    values,
    meta: { token: meta.token, key: meta.key },
  });

  const parsed = consultationSchema.safeParse(values);
  if (!parsed.success) return fail("invalid", toFieldErrors(parsed.error));

  try {
    const db = await deps.db;
    if (meta.key) {
      const existing = await findByIdempotencyKey(db, meta.key);
      if (existing) return received(existing);
    }
    const now = deps.now();
    const spam = spamReason(meta, {
      tokenKey: deps.tokenKey,
      now,
      minFillSeconds: deps.minFillSeconds,
    });
    const { reference: _unused, ...row } = toRequestRow(parsed.data, {
      reference: "",
      idempotencyKey: meta.key || randomUUID(),
      clientHash: deps.clientHash,
      now,
      spam: spam !== null,
      mailEnabled: deps.mailEnabled,
    });
    const stored = await storeRequest(db, row, {
      perClient: deps.rateLimit,
      global: deps.globalLimit,
    });
    if (stored === "rate-limited") return fail("rate-limited");
    if (row.notify_state === "pending") deps.onStored?.();
    return received(stored);
  } catch (error) {
    // The message names the failure, never the visitor's data.
    console.error(`Consultation request could not be stored: ${describeDbError(error)}`);
    return fail("error");
  }
}

function received(stored: StoredSummary): ConsultationReceived {
  return {
    status: "received",
    reference: stored.reference,
    urgent: Number(stored.urgent) === 1,
    // A request stored as urgent with no level (never expected) gets the more serious advice.
    level:
      Number(stored.urgent) === 1
        ? stored.red_flag_level === "urgent"
          ? "urgent"
          : "emergency"
        : null,
    preferredContact: stored.preferred_contact === "phone" ? "phone" : "email",
  };
}
