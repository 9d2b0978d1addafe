import { RED_FLAG_LABELS } from "@/lib/content/red-flags";
import type { StaffRequest } from "@/lib/db/staff-requests";
import {
  CONTACT_METHODS,
  PAIN_AREAS,
  PAIN_DURATIONS,
  TIME_SLOTS,
} from "@/lib/validations/consultation-options";
import { toCsv } from "./csv";
import { labelOf, parseJsonList, URGENCY_TEXT, urgencyOf } from "./format";

function levelLabel(request: StaffRequest): string {
  const level = urgencyOf(request);
  return level ? URGENCY_TEXT[level].short : "";
}

/* "2025-03-01 09:05": a form spreadsheets read as a date and that sorts as text. */
export function sortableDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

export function requestsToCsv(requests: readonly StaffRequest[], timeZone: string): string {
  const header = [
    "Reference",
    `Received (${timeZone})`,
    "Status",
    "Urgent",
    "Urgency level",
    "Name",
    "Email",
    "Phone",
    "Preferred contact",
    "Pain area",
    "Pain duration",
    "Preferred times",
    "First visit",
    "Warning symptoms",
    "Message",
    "Clinic email",
  ];
  const rows = requests.map((r) => [
    r.reference,
    sortableDateTime(r.created_at, timeZone),
    r.status,
    r.urgent ? "yes" : "no",
    levelLabel(r),
    r.full_name,
    r.email,
    r.phone ?? "",
    labelOf(CONTACT_METHODS, r.preferred_contact),
    labelOf(PAIN_AREAS, r.pain_area),
    labelOf(PAIN_DURATIONS, r.pain_duration),
    parseJsonList(r.preferred_times)
      .map((v) => labelOf(TIME_SLOTS, v))
      .join("; "),
    r.first_visit ? "yes" : "no",
    parseJsonList(r.red_flags)
      .map((v) => labelOf(RED_FLAG_LABELS, v))
      .join("; "),
    r.message ?? "",
    r.notify_state,
  ]);
  return toCsv(header, rows);
}
