import type { Generated, Insertable, Selectable } from "kysely";
import type { Role } from "@/lib/validations/permissions";
import type { FormColumns, RedFlagLevel } from "@/lib/validations/consultation-fields";

/*
 * Table shapes shared by SQLite and PostgreSQL. Timestamps are ISO-8601 UTC
 * strings and booleans are 0/1 integers in both, so one set of queries and one
 * set of migrations serve both databases without per-dialect branches.
 */

export const REQUEST_STATUSES = ["new", "contacted", "booked", "closed", "spam"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type NotifyState = "pending" | "sent" | "failed" | "off";

/**
 * A request: the columns its form answers fill, typed from the field catalogue
 * (lists are JSON arrays of option values), and these, which the site keeps.
 */
export interface ConsultationRequestTable extends FormColumns {
  id: Generated<number>;
  reference: string;
  idempotency_key: string;
  created_at: string;
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
  /** The visitor's acknowledgement email, queued like the clinic email; "off" when none is owed. */
  ack_state: Generated<NotifyState>;
  ack_attempts: Generated<number>;
  ack_next_at: string | null;
  acked_at: string | null;
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
  /** staff_accounts.id and name at the time of whoever made it; null for rows from before 014. */
  account_id: string | null;
  author: string | null;
}

/** Timestamped attempts per client, for rate limits that hold across server instances. */
export interface RateEventTable {
  id: Generated<number>;
  bucket:
    | "consultation"
    | "staff-login"
    | "staff-login-global-lock"
    | "staff-login-account"
    | "staff-login-account-lock";
  client_hash: string;
  created_at: string;
}

/** Signed-out staff sessions, kept until the token would have expired. */

export const PAGE_ACTIONS = ["publish", "delete", "file"] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

/** One publish, delete or "back to the file" of a page; the newest per slug wins. */
export interface PageRevisionTable {
  id: Generated<number>;
  slug: string;
  created_at: string;
  author: string;
  note: string | null;
  action: PageAction;
  /** JSON of the validated frontmatter; null unless action is "publish". */
  frontmatter: string | null;
  body: string | null;
  /** sha256 of the content/ file the edit started from; null when there was none. */
  base_hash: string | null;
  /** The revision this one was written on top of, 0 for none; unique per slug. */
  parent_id: number;
  /** staff_accounts.id of `author`; null for revisions from before 014 (the name typed then). */
  account_id: string | null;
}

export interface ClinicRevisionTable {
  id: Generated<number>;
  created_at: string;
  author: string;
  note: string | null;
  /** JSON of the validated clinic details. */
  clinic: string;
  base_hash: string | null;
  parent_id: number;
  /** staff_accounts.id of `author`; null for revisions from before 014. */
  account_id: string | null;
}

/** One upload. Its prepared files are in content_image_files. */
export interface ContentImageTable {
  /** sha256 of the uploaded bytes, hex: the stable address. */
  hash: string;
  /** The fallback type (JPEG or PNG); the widest prepared width and its height. */
  mime: string;
  width: number;
  height: number;
  /** All prepared files together. */
  bytes: number;
  /**
   * base64 of the file as uploaded, for uploads stored before migration 010
   * until they are prepared (lib/content/images/stored-originals.ts); empty
   * once prepared, and always for later uploads: the original is not kept.
   */
  data: string;
  created_at: string;
}

/** A prepared file of an upload, served as /media/<name> (lib/content/images/media-names.ts). */
export interface ContentImageFileTable {
  name: string;
  hash: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** base64 */
  data: string;
}

/** What a person typed in the page editor, one row per person and page (see 007-page-drafts). */
export interface PageDraftTable {
  owner: string;
  page: string;
  saved_at: string;
  version: number;
  /** The editor's values as JSON. */
  data: string;
}

export const SCHEDULE_STATES = ["pending", "published", "cancelled", "failed"] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

/** A publish set for a later time (017-scheduled-publishes); written by lib/db/scheduled-publishes.ts. */
export interface ScheduledPublishTable {
  id: Generated<number>;
  slug: string;
  /** JSON of the validated frontmatter, as the publish will store it. */
  frontmatter: string;
  body: string;
  note: string | null;
  base_hash: string | null;
  /** The page revision it was written on top of (0 for none): it publishes only on top of it. */
  parent_id: number;
  /** ISO UTC. */
  due_at: string;
  account_id: string | null;
  /** The name of who scheduled it, at the time; the publish goes under them. */
  author: string;
  created_at: string;
  state: Generated<ScheduleState>;
  /** Which server took it to publish, and when; null until one did. */
  claimed_by: string | null;
  claimed_at: string | null;
  finished_at: string | null;
  /** What happened, in words staff read (a failure's reason, who cancelled). */
  result: string | null;
  /** 1 when it is a new page's first publish (020-scheduled-new-pages), else 0. */
  new_page: Generated<number>;
}

/** One row, overwritten by every health check: proof the database takes a write. */
export interface HealthCheckTable {
  id: number;
  checked_at: string;
}

/** One entry of the append-only audit log (012-audit-log); written by lib/db/audit-log.ts only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  account_id: string | null;
  /** The person's name when it happened. */
  account_name: string | null;
  event: string;
  object_type: string | null;
  object_id: string | null;
  /** JSON object of short strings and numbers; never anything from a patient's request. */
  detail: string | null;
  client_hash: string | null;
}

/** Views of one page on one UTC day (016-page-insights); written by lib/db/insights.ts only. */
export interface InsightViewTable {
  day: string;
  page: string;
  views: number;
}

/** Visits from another site (its host name only) on one UTC day. */
export interface InsightReferrerTable {
  day: string;
  host: string;
  visits: number;
}

/** Consultation requests sent after the form was opened from a page ("unknown" when not known). */
export interface InsightRequestPageTable {
  day: string;
  page: string;
  requests: number;
}

/** A page's editor open in one sign-in (018); written by lib/db/page-presence.ts only. */
export interface PagePresenceTable {
  /** The page's slug ("" for the home page). */
  page: string;
  /** staff_sessions.id: the tabs of one sign-in share a row. */
  session_id: string;
  account_id: string;
  since: string;
  last_seen_at: string;
}

/** A private review link to a page's draft (018); only the token's SHA-256 is kept. */
export interface ReviewLinkTable {
  id: string;
  token_hash: string;
  /** The page's slug ("" for the home page). */
  page: string;
  /** Who shared it. */
  account_id: string;
  /** The text shown: frontmatter and body as MDX, as it was when shared. */
  source: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** A person who signs in to the staff area (see 011-staff-accounts). */
export interface StaffAccountTable {
  id: string;
  /** Lower-cased: unique whatever the case it was typed in. */
  email: string;
  name: string;
  role: Role;
  state: StaffAccountState;
  /** argon2id PHC string; null until a password is set from the invitation. */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export const STAFF_ACCOUNT_STATES = ["invited", "active", "disabled"] as const;
export type StaffAccountState = (typeof STAFF_ACCOUNT_STATES)[number];

/** An invitation or reset link: only the SHA-256 of its token; one per account. */
export interface StaffTokenTable {
  account_id: string;
  token_hash: string;
  purpose: StaffTokenPurpose;
  created_at: string;
  expires_at: string;
}
export type StaffTokenPurpose = "invite" | "reset";

/** "full" opens the staff area; the others owe a second step (lib/staff/two-step-gate.ts). */
export const SESSION_STAGES = ["full", "two-step", "enrol"] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** One sign-in, found by the SHA-256 of its cookie's token. */
export interface StaffSessionTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end (8 hours after sign-in); idle expiry is counted from last_seen_at. */
  expires_at: string;
  stage: SessionStage;
  /** Shortened ("Firefox on Windows"), never the whole header. */
  user_agent: string;
  client_hash: string;
  ended_at: string | null;
  end_reason: SessionEndReason | null;
}
export type SessionEndReason =
  | "signed-out"
  | "ended-by-owner"
  | "ended-by-self"
  | "account-disabled"
  | "account-reset"
  | "password-changed";

export interface Database {
  consultation_requests: ConsultationRequestTable;
  request_events: RequestEventTable;
  rate_events: RateEventTable;
  page_revisions: PageRevisionTable;
  clinic_revisions: ClinicRevisionTable;
  content_images: ContentImageTable;
  content_image_files: ContentImageFileTable;
  health_check: HealthCheckTable;
  page_drafts: PageDraftTable;
  scheduled_publishes: ScheduledPublishTable;
  audit_log: AuditLogTable;
  insight_views: InsightViewTable;
  insight_referrers: InsightReferrerTable;
  insight_request_pages: InsightRequestPageTable;
  staff_totp: StaffTotpTable;
  staff_recovery_codes: StaffRecoveryCodeTable;
  staff_passkeys: StaffPasskeyTable;
  staff_webauthn_challenges: StaffWebauthnChallengeTable;
  staff_settings: StaffSettingTable;
  staff_accounts: StaffAccountTable;
  staff_tokens: StaffTokenTable;
  staff_sessions: StaffSessionTable;
  page_presence: PagePresenceTable;
  review_links: ReviewLinkTable;
}

export type ConsultationRequest = Selectable<ConsultationRequestTable>;
export type NewConsultationRequest = Insertable<ConsultationRequestTable>;
export type RequestEvent = Selectable<RequestEventTable>;
export type PageRevision = Selectable<PageRevisionTable>;
export type ClinicRevision = Selectable<ClinicRevisionTable>;
export type ScheduledPublish = Selectable<ScheduledPublishTable>;

/** An account's authenticator-app key, encrypted; see migration 013. */
export interface StaffTotpTable {
  account_id: string;
  /** The confirmed key, encrypted (lib/staff/totp.ts); null until one is confirmed. */
  secret: string | null;
  confirmed_at: string | null;
  /** The newest 30-second step a code was accepted for: codes of it or earlier are refused. */
  last_used_step: number | null;
  /** A key being set up or replaced, encrypted, until a code from it is confirmed. */
  pending_secret: string | null;
  pending_at: string | null;
}

/** One recovery code: only its SHA-256 is kept; `used_at` spends it. */
export interface StaffRecoveryCodeTable {
  account_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A WebAuthn credential (passkey). `id` and `public_key` are base64url. */
export interface StaffPasskeyTable {
  id: string;
  account_id: string;
  public_key: string;
  /** bigint in PostgreSQL (the signature counter is an unsigned 32-bit number): read with Number(). */
  counter: number | string;
  /** JSON array of transport names the browser reported. */
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** The challenge of one passkey ceremony; deleted when answered. */
export interface StaffWebauthnChallengeTable {
  id: string;
  challenge: string;
  purpose: "register" | "sign-in";
  /** Who is registering; null for a sign-in, where the passkey names its account. */
  account_id: string | null;
  expires_at: string;
}

/** Clinic-wide staff settings, one row each (lib/db/staff-settings.ts names them). */
export interface StaffSettingTable {
  key: string;
  value: string;
  updated_at: string;
}
