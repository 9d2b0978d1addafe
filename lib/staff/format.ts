import { z } from "zod";
import type { StaffRequest } from "@/lib/db/staff-requests";
import type { NotifyState, RequestStatus } from "@/lib/db/types";
import {
  STORED_FIELDS,
  type Option,
  type RedFlagLevel,
  type StoredFieldSpec,
} from "@/lib/validations/consultation-fields";

/*
 * Turning stored values into text staff can read. Values the option lists do
 * not know (an older form, a tampered post) are shown raw rather than hidden.
 */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    // dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** A time of day as the clinic's clock shows it, like 14:02: for things that happened today. */
export function formatTimeOfDay(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

const jsonList = z.array(z.string());

export function parseJsonList(text: string): string[] {
  try {
    const result = jsonList.safeParse(JSON.parse(text));
    return result.success ? result.data : [text];
  } catch {
    return [text];
  }
}

export function labelOf(options: readonly Option[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** The form's answers in the order staff read them: free text last, so the short facts scan. */
export const STAFF_FIELDS = [...STORED_FIELDS].sort(
  (a, b) => Number(a.kind === "textarea") - Number(b.kind === "textarea"),
);

/** One stored answer as staff read it: labels for choices, an empty list for no answer. */
export function answerOf(field: StoredFieldSpec, request: StaffRequest): string[] {
  const stored = (request as unknown as Record<string, string | number | null>)[field.column];
  if (stored === null || stored === undefined || stored === "") return [];
  switch (field.kind) {
    case "checkbox": {
      const known = [...field.options, ...("retired" in field ? field.retired : [])];
      return parseJsonList(String(stored)).map((value) => labelOf(known, value));
    }
    case "yes-no": {
      const option = field.options[Number(stored) === 1 ? 0 : 1];
      return [option && "staff" in option ? option.staff : String(stored)];
    }
    case "radio":
      return [labelOf(field.options, String(stored))];
    default:
      return [String(stored)];
  }
}

/** The same answer as one CSV cell: lists joined with semicolons, yes/no as "yes" or "no". */
export function answerCell(field: StoredFieldSpec, request: StaffRequest): string {
  if (field.kind === "yes-no") {
    return Number((request as unknown as Record<string, unknown>)[field.column]) === 1
      ? "yes"
      : "no";
  }
  return answerOf(field, request).join("; ");
}

export function statusLabel(status: RequestStatus | string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** What an empty list says: the whole inbox, or one status of it. */
export function emptyInboxText(status?: RequestStatus): string {
  return status ? `No ${status} requests.` : "No requests yet.";
}

/*
 * What staff read about a request's warning signs: the short badge in a list,
 * and what the visitor was told, on the request page and in the export. A row
 * marked urgent without a level is shown as an emergency, the safer reading.
 */
export function urgencyOf(request: {
  urgent: number;
  red_flag_level: RedFlagLevel | null;
}): RedFlagLevel | null {
  if (!request.urgent) return null;
  return request.red_flag_level === "urgent" ? "urgent" : "emergency";
}

export const URGENCY_TEXT: Record<RedFlagLevel, { short: string; told: string }> = {
  emergency: {
    short: "emergency now",
    told: "Emergency sign: the visitor was told to call the emergency number or go to an emergency department now.",
  },
  urgent: {
    short: "doctor today",
    told: "See-a-doctor-today sign: the visitor was told to see a doctor today.",
  },
};

const NOTIFY_TEXT: Record<NotifyState, string> = {
  sent: "Sent",
  pending: "Not sent yet (queued, will retry)",
  failed: "Failed: the email could not be sent",
  off: "Not sent: clinic email is not configured",
};

export function notifyText(state: NotifyState, sentAt: string | null, timeZone: string): string {
  if (state === "sent" && sentAt) return `Sent ${formatDateTime(sentAt, timeZone)}`;
  return NOTIFY_TEXT[state] ?? state;
}

const ACK_TEXT: Record<NotifyState, string> = {
  sent: "Sent",
  pending: "Queued (not sent yet, will retry)",
  failed: "Failed: the email could not be sent",
  off: "Off: not sent (turned off in clinic details, email not configured, or a request stored as spam or before acknowledgements)",
};

/** The visitor's acknowledgement email (issue 19), as the request page shows it. */
export function ackText(state: NotifyState, sentAt: string | null, timeZone: string): string {
  if (state === "sent" && sentAt) return `Sent ${formatDateTime(sentAt, timeZone)}`;
  return ACK_TEXT[state] ?? state;
}
