import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  findByIdempotencyKey,
  insertConsultationRequest,
  isUniqueViolation,
  type RateWindow,
  type StoredSummary,
} from "@/lib/db/consultation-requests";
import type { Database, NewConsultationRequest } from "@/lib/db/types";
import { kickNotifications } from "@/lib/mail/notification-runner";
import {
  redFlagLevel,
  storedRedFlagLevel,
  toColumns,
  type Consultation,
} from "@/lib/validations/consultation-fields";
import {
  consultationSchema,
  readConsultationForm,
  readFormMeta,
  toFieldErrors,
  type FormMeta,
} from "@/lib/validations/consultation";
import { verifyFormToken } from "./token";
import type { ConsultationFailure, ConsultationReceived, ConsultationState } from "./types";
import { errorLine, logEvent } from "@/lib/log";

export type SubmitDeps = {
  db: Kysely<Database>;
  now: () => Date;
  clientHash: string;
  tokenKey: Buffer;
  minFillSeconds: number;
  rateLimit: RateWindow;
  /** All clients together; beyond it requests are stored as spam. */
  globalLimit: RateWindow;
  mailEnabled: boolean;
  /** The clinic detail acknowledgeRequests: whether the visitor is emailed an acknowledgement. */
  acknowledge: boolean;
  /** Adds the request to the day's count for the page the form was opened from (lib/insights/). */
  countOpenedFrom?: (from: string) => Promise<void>;
};

/**
 * The whole consultation submit, free of Next.js so tests can drive it with
 * any FormData, database and clock: parse, idempotency, spam check, then the
 * rate limits and the store in one transaction, then notify. It never throws:
 * every outcome is a state the form can show.
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
    meta: { token: meta.token, key: meta.key, from: meta.from },
  });

  const parsed = consultationSchema.safeParse(values);
  if (!parsed.success) return fail("invalid", toFieldErrors(parsed.error));

  try {
    const { db } = deps;
    // A re-sent form answers with the request it already stored.
    if (meta.key) {
      const existing = await findByIdempotencyKey(db, meta.key);
      if (existing) return received(existing);
    }

    const now = deps.now();
    // A suspected bot gets the same answer as a person, so it learns nothing; its request is
    // stored as spam, where staff can still find a false positive, and nobody is emailed.
    const spam = spamReason(meta, deps, now) !== null;
    const row = toRequestRow(parsed.data, {
      idempotencyKey: meta.key || randomUUID(),
      clientHash: deps.clientHash,
      now,
      spam,
      mailEnabled: deps.mailEnabled,
      acknowledge: deps.acknowledge,
    });

    // The rate limits are counted in the same locked transaction that stores the row and its
    // rate event, so parallel posts cannot all slip in under them (lib/db/consultation-requests.ts).
    const limits = { perClient: deps.rateLimit, global: deps.globalLimit };
    let stored: StoredSummary | "rate-limited" | undefined;
    for (let attempt = 1; !stored; attempt += 1) {
      try {
        stored =
          (await insertConsultationRequest(
            db,
            { ...row, reference: generateReference() },
            limits,
          )) ??
          // Another submit with this key won the race: answer with its request.
          (await findByIdempotencyKey(db, row.idempotency_key));
        if (!stored) throw new Error("A request with this idempotency key vanished while stored");
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
    if (stored === "rate-limited") return fail("rate-limited");
    // Only a request someone sent and the clinic will answer; a count lost costs nothing.
    if (!spam && deps.countOpenedFrom) {
      await deps
        .countOpenedFrom(meta.from)
        .catch((error: unknown) =>
          logEvent("db.failed", { action: "request page not counted", error: errorLine(error) }),
        );
    }

    // Fire and forget: the visitor's answer never waits for the mail server.
    if (stored.notify_state === "pending" || stored.ack_state === "pending") kickNotifications();
    return received(stored);
  } catch (error) {
    // The message names the failure, never the visitor's data.
    logEvent("db.failed", { action: "consultation request not stored", error: errorLine(error) });
    return fail("error");
  }
}

function received(stored: StoredSummary): ConsultationReceived {
  return {
    status: "received",
    reference: stored.reference,
    urgent: Number(stored.urgent) === 1,
    level: storedRedFlagLevel(stored.urgent, stored.red_flag_level),
    preferredContact: stored.preferred_contact === "phone" ? "phone" : "email",
  };
}

export type SpamReason = "honeypot" | "no-key" | "bad-signature" | "too-fast" | "expired";

export function spamReason(
  meta: FormMeta,
  options: { tokenKey: Buffer; minFillSeconds: number },
  now: Date,
): SpamReason | null {
  if (meta.honeypot.trim() !== "") return "honeypot";
  if (meta.key === "") return "no-key";
  const verdict = verifyFormToken(
    meta.token,
    options.tokenKey,
    now,
    options.minFillSeconds,
    meta.key,
  );
  return verdict === "ok" ? null : verdict;
}

/** The parsed form as a table row, all but its reference, which is drawn afresh per attempt. */
export function toRequestRow(
  consultation: Consultation,
  context: {
    idempotencyKey: string;
    clientHash: string;
    now: Date;
    spam: boolean;
    mailEnabled: boolean;
    acknowledge: boolean;
  },
): Omit<NewConsultationRequest, "reference"> {
  const notify = context.spam || !context.mailEnabled ? "off" : "pending";
  // Only a stored, non-spam request is acknowledged: one past the per-client limit is never
  // stored, one past the global ceiling is stored as spam (lib/db/consultation-requests.ts).
  const ack = notify === "pending" && context.acknowledge ? "pending" : "off";
  const level = redFlagLevel(consultation.redFlags);
  return {
    ...toColumns(consultation),
    idempotency_key: context.idempotencyKey,
    created_at: context.now.toISOString(),
    urgent: level ? 1 : 0,
    red_flag_level: level,
    status: context.spam ? "spam" : "new",
    client_hash: context.clientHash,
    notify_state: notify,
    notify_attempts: 0,
    notify_next_at: notify === "pending" ? context.now.toISOString() : null,
    notified_at: null,
    ack_state: ack,
    ack_attempts: 0,
    ack_next_at: ack === "pending" ? context.now.toISOString() : null,
    acked_at: null,
  };
}

/*
 * A reference a visitor can read out on the phone: no 0/O, 1/I/L or U, so it
 * survives handwriting and bad lines. 30^6 is about 7e8 values; a collision is
 * caught by the unique constraint and the insert retried with a new one.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_ATTEMPTS = 5;
export const REFERENCE_PATTERN = new RegExp(`^BP-[${ALPHABET}]{6}$`);

export function generateReference(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < 6; i += 1) code += ALPHABET[random(ALPHABET.length)];
  return `BP-${code}`;
}
