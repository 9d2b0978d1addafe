"use server";

import "server-only";
import { headers } from "next/headers";
import { clientHash } from "@/lib/client-hash";
import { submitConsultation } from "@/lib/consultation/submit";
import type { ConsultationState } from "@/lib/consultation/types";
import { getDb } from "@/lib/db/client";
import { getClinic } from "@/lib/content/site/site";
import { getEnv } from "@/lib/env";
import { countRequestPage, knownPages, requestPage } from "@/lib/insights/flush";
import type { LogEvent } from "@/lib/log-events";
import { requestLog } from "@/lib/request-log";
import { getSecretKey } from "@/lib/secrets";

/** The form's server action: real clock, real database, real client address. */
export async function submitConsultationAction(
  _previous: ConsultationState,
  formData: FormData,
): Promise<ConsultationState> {
  const env = getEnv();
  const log = await requestLog();
  const state = await submitConsultation(formData, {
    // Migrated at server start (instrumentation.ts), so this resolves at once.
    db: await getDb(),
    now: () => new Date(),
    clientHash: clientHash(await headers()),
    tokenKey: getSecretKey("form-token"),
    minFillSeconds: env.CONSULTATION_MIN_FILL_SECONDS,
    rateLimit: env.CONSULTATION_RATE_LIMIT,
    globalLimit: env.CONSULTATION_GLOBAL_LIMIT,
    mailEnabled: Boolean(env.SMTP_URL),
    // The clinic details as published now: turning it off stops acknowledgements from the next request.
    acknowledge: (await getClinic()).acknowledgeRequests,
    countOpenedFrom: async (from) =>
      countRequestPage(await getDb(), requestPage(from, await knownPages()), new Date()),
  });
  // The outcome only: what was typed, and the reference a visitor may quote, stay out of the log.
  log(OUTCOME_EVENTS[state.status], { outcome: state.status });
  return state;
}

const OUTCOME_EVENTS = {
  idle: "consultation.refused",
  received: "consultation.stored",
  invalid: "consultation.refused",
  "rate-limited": "consultation.refused",
  error: "consultation.failed",
} as const satisfies Record<ConsultationState["status"], LogEvent>;
