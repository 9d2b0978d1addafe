import type { StaffRequest } from "@/lib/db/staff-requests";
import { toCsv } from "./csv";
import { answerCell, STAFF_FIELDS, URGENCY_TEXT, urgencyOf } from "./format";

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
    ...STAFF_FIELDS.map((field) => field.staff),
    "Clinic email",
    "Acknowledgement",
  ];
  const rows = requests.map((r) => [
    r.reference,
    sortableDateTime(r.created_at, timeZone),
    r.status,
    r.urgent ? "yes" : "no",
    levelLabel(r),
    ...STAFF_FIELDS.map((field) => answerCell(field, r)),
    r.notify_state,
    r.ack_state,
  ]);
  return toCsv(header, rows);
}
