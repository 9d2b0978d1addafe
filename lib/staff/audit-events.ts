import type { FormColumns } from "@/lib/validations/consultation-fields";

/*
 * Everything the audit log can say, written once: each event with the words
 * staff read on /staff/audit, the kinds of object an entry can be about, and
 * the few details an entry may carry. Browser-safe (no server imports), so the
 * audit page's filters and any client component read the same list.
 *
 * A detail is a short fact about the action (a status it moved from and to,
 * how many rows a CSV had), never anything a patient wrote: only the keys
 * below are accepted (by type and again at run time in lib/db/audit-log.ts),
 * and none of them is a column of the consultation form.
 */
export const AUDIT_EVENTS = {
  "signed-in": "Signed in",
  "sign-in-failed": "Failed sign-in",
  locked: "Account locked",
  "signed-out": "Signed out",
  "session-ended": "Session ended",
  "two-step-changed": "Two-step sign-in changed",
  "request-viewed": "Request viewed",
  "csv-exported": "CSV exported",
  "status-changed": "Status changed",
  "note-added": "Note added",
  "request-deleted": "Request deleted",
  "page-published": "Page published",
  "page-scheduled": "Page publish scheduled",
  "schedule-cancelled": "Scheduled publish cancelled",
  "page-restored": "Page restored",
  "page-deleted": "Page deleted",
  "draft-discarded": "Draft discarded",
  "review-link-created": "Review link created",
  "review-link-revoked": "Review link revoked",
  "clinic-changed": "Clinic details changed",
  "image-uploaded": "Image uploaded",
  "account-invited": "Account invited",
  "account-changed": "Account changed",
  "account-disabled": "Account disabled",
  "account-reset": "Account reset",
  "role-changed": "Role changed",
  "permission-refused": "Permission refused",
} as const;
export type AuditEvent = keyof typeof AUDIT_EVENTS;
export const AUDIT_EVENT_IDS = Object.keys(AUDIT_EVENTS) as [AuditEvent, ...AuditEvent[]];

/** What an entry is about; its id is the request reference, page slug, account id, … */
export const AUDIT_OBJECTS = {
  request: "Request",
  page: "Page",
  clinic: "Clinic details",
  image: "Image",
  account: "Account",
  session: "Session",
  // What a CSV export held: "requests", "audit-log" or "insights".
  export: "Export",
} as const;
export type AuditObjectType = keyof typeof AUDIT_OBJECTS;
export const AUDIT_OBJECT_TYPES = Object.keys(AUDIT_OBJECTS) as [
  AuditObjectType,
  ...AuditObjectType[],
];

export interface AuditObject {
  type: AuditObjectType;
  id: string;
}

/** The details an entry may carry, with their labels. Add a key here before using it. */
export const AUDIT_DETAIL_KEYS = {
  from: "From",
  to: "To",
  filter: "Filter",
  rows: "Rows",
  characters: "Characters",
  permission: "Permission",
  endpoint: "Page or action",
  reason: "Reason",
  method: "Method",
  change: "Change",
  role: "Role",
  accountEmail: "Account email",
  attemptedEmail: "Email tried",
  device: "Device",
  revision: "Revision",
  fields: "Fields changed",
  due: "Due",
} as const;
export type AuditDetailKey = keyof typeof AUDIT_DETAIL_KEYS;

/** A detail value is a short fact: a string of at most this many characters, or a number. */
export const AUDIT_DETAIL_MAX = 200;
export type AuditDetail = Partial<Record<AuditDetailKey, string | number>>;

// Fails to compile if a detail key is ever named like an answer of the consultation form.
type FormColumnKeys = Extract<AuditDetailKey, keyof FormColumns>;
const noFormColumns: [FormColumnKeys] extends [never] ? true : never = true;
void noFormColumns;

export function isAuditEvent(value: unknown): value is AuditEvent {
  return typeof value === "string" && Object.hasOwn(AUDIT_EVENTS, value);
}

export function isAuditDetailKey(value: string): value is AuditDetailKey {
  return Object.hasOwn(AUDIT_DETAIL_KEYS, value);
}

/** The label of a stored event; an id this version does not know is shown as it is. */
export function auditEventLabel(event: string): string {
  return isAuditEvent(event) ? AUDIT_EVENTS[event] : event;
}

export function auditObjectLabel(type: string): string {
  return Object.hasOwn(AUDIT_OBJECTS, type) ? AUDIT_OBJECTS[type as AuditObjectType] : type;
}

/** "From: New · To: Contacted", for the page and the CSV. */
export function describeAuditDetail(detail: AuditDetail | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => {
      const label = isAuditDetailKey(key) ? AUDIT_DETAIL_KEYS[key] : key;
      return `${label}: ${value}`;
    })
    .join(" · ");
}
