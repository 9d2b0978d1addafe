import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { RedFlagLevel } from "@/lib/content/red-flags";

/*
 * Table shapes shared by SQLite and PostgreSQL. Timestamps are ISO-8601 UTC
 * strings and booleans are 0/1 integers in both, so one set of queries and one
 * set of migrations serve both databases without per-dialect branches.
 */

export const REQUEST_STATUSES = ["new", "contacted", "booked", "closed", "spam"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const NOTIFY_STATES = ["pending", "sent", "failed", "off"] as const;
export type NotifyState = (typeof NOTIFY_STATES)[number];

export interface ConsultationRequestTable {
  id: Generated<number>;
  reference: string;
  idempotency_key: string;
  created_at: string;
  full_name: string;
  email: string;
  phone: string | null;
  preferred_contact: string;
  pain_area: string;
  pain_duration: string;
  /** JSON array of preferred day/time slot values. */
  preferred_times: string;
  message: string | null;
  first_visit: number;
  /** JSON array of red-flag symptom values the visitor ticked. */
  red_flags: string;
  /** 1 when any warning sign was ticked, at either level. */
  urgent: number;
  /** The most serious level ticked: "emergency" (now) or "urgent" (a doctor today); null when none. */
  red_flag_level: RedFlagLevel | null;
  status: RequestStatus;
  /** Keyed hash of the client address; the address itself is never stored. */
  client_hash: string;
  notify_state: NotifyState;
  notify_attempts: number;
  notify_next_at: string | null;
  notified_at: string | null;
}

/** Status changes and private notes, one row each, for the staff history. */
export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  created_at: string;
  kind: "status" | "note";
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  note: string | null;
}

/** Timestamped attempts per client, for rate limits that hold across server instances. */
export interface RateEventTable {
  id: Generated<number>;
  bucket: "consultation" | "staff-login" | "staff-login-global-lock";
  client_hash: string;
  created_at: string;
}

/** Signed-out staff sessions, kept until the token would have expired. */
export interface RevokedStaffSessionTable {
  nonce: string;
  expires_at: string;
}

export interface Database {
  consultation_requests: ConsultationRequestTable;
  request_events: RequestEventTable;
  rate_events: RateEventTable;
  revoked_staff_sessions: RevokedStaffSessionTable;
}

export type ConsultationRequest = Selectable<ConsultationRequestTable>;
export type NewConsultationRequest = Insertable<ConsultationRequestTable>;
export type ConsultationRequestUpdate = Updateable<ConsultationRequestTable>;
export type RequestEvent = Selectable<RequestEventTable>;
