import type { Kysely } from "kysely";
import { generateReference } from "@/lib/consultation/submit";
import type { Database, NewConsultationRequest } from "@/lib/db/types";

/* Staff tests, unit and end-to-end, seed request rows straight into the database. */

/** Inserts a request with sensible defaults; returns its reference. */
export async function insertRequest(
  db: Kysely<Database>,
  overrides: Partial<NewConsultationRequest> = {},
): Promise<string> {
  const reference = overrides.reference ?? generateReference();
  await db
    .insertInto("consultation_requests")
    .values({
      reference,
      idempotency_key: `${reference}-key`,
      created_at: new Date().toISOString(),
      full_name: "Test Patient",
      email: "patient@example.com",
      phone: null,
      preferred_contact: "email",
      pain_area: "lower-back",
      pain_duration: "under-6-weeks",
      preferred_times: JSON.stringify(["weekday-morning"]),
      message: "Back hurts.",
      first_visit: 1,
      red_flags: "[]",
      urgent: 0,
      status: "new",
      client_hash: "test-client",
      notify_state: "sent",
      notify_attempts: 1,
      notify_next_at: null,
      notified_at: new Date().toISOString(),
      ...overrides,
    })
    .execute();
  return reference;
}
