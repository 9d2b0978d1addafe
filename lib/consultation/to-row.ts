import { redFlagLevel } from "@/lib/content/red-flags";
import type { NewConsultationRequest, NotifyState } from "@/lib/db/types";
import type { Consultation } from "@/lib/validations/consultation";

/** The parsed form as a table row; lists are JSON so both databases store them alike. */
export function toRequestRow(
  consultation: Consultation,
  context: {
    reference: string;
    idempotencyKey: string;
    clientHash: string;
    now: Date;
    spam: boolean;
    mailEnabled: boolean;
  },
): NewConsultationRequest {
  const level = redFlagLevel(consultation.redFlags);
  const notify: NotifyState = context.spam || !context.mailEnabled ? "off" : "pending";
  return {
    reference: context.reference,
    idempotency_key: context.idempotencyKey,
    created_at: context.now.toISOString(),
    full_name: consultation.fullName,
    email: consultation.email,
    phone: consultation.phone ?? null,
    preferred_contact: consultation.preferredContact,
    pain_area: consultation.painArea,
    pain_duration: consultation.painDuration,
    preferred_times: JSON.stringify(consultation.preferredTimes),
    message: consultation.message ?? null,
    first_visit: consultation.firstVisit === "yes" ? 1 : 0,
    red_flags: JSON.stringify(consultation.redFlags),
    urgent: level ? 1 : 0,
    red_flag_level: level,
    status: context.spam ? "spam" : "new",
    client_hash: context.clientHash,
    notify_state: notify,
    notify_attempts: 0,
    notify_next_at: notify === "pending" ? context.now.toISOString() : null,
    notified_at: null,
  };
}
