import { z } from "zod";
import type { AuditFilter } from "@/lib/db/audit-log";
import { AUDIT_EVENT_IDS } from "./audit-events";
import { referenceSchema } from "./schemas";
import { isRealDay, zoneOffset } from "@/lib/time-zone";

/*
 * The audit page's filters, read from its address (a plain GET form, so it
 * works without JavaScript and a filtered view can be bookmarked or sent). The
 * page, its paging links and the CSV export all read them here, so the CSV
 * holds exactly what the page shows. Dates are days in the clinic's time zone.
 */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditQueryValues {
  person: string;
  event: string;
  from: string;
  to: string;
  request: string;
}
export type AuditQueryField = keyof AuditQueryValues;

/** The filters' labels: the form's, and the words that start each problem with one. */
export const AUDIT_QUERY_LABELS: Record<AuditQueryField, string> = {
  person: "Person",
  event: "Event",
  from: "From",
  to: "To",
  request: "Request reference",
};

export interface AuditQuery {
  /** As typed, to refill the form. */
  values: AuditQueryValues;
  /** Per field, what is wrong and what to write instead; such a field does not filter. */
  errors: Partial<Record<AuditQueryField, string>>;
  filter: AuditFilter;
  page: number;
}

const DATE_HINT = "write the date as year-month-day, for example 2026-11-30";

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200) ?? "";
}

/** The instant a day (YYYY-MM-DD) begins in `timeZone`, `plusDays` later; DST-safe. */
export function startOfDay(day: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + plusDays);
  // The offset at the wall time read as UTC is close; a second look settles a DST change.
  const guess = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(guess, timeZone));
}

export function parseAuditQuery(
  params: Record<string, string | string[] | undefined>,
  timeZone: string,
): AuditQuery {
  const values: AuditQueryValues = {
    person: first(params.person),
    event: first(params.event),
    from: first(params.from),
    to: first(params.to),
    request: first(params.request).toUpperCase(),
  };
  const errors: AuditQuery["errors"] = {};
  const filter: AuditFilter = {};

  if (values.person) filter.accountId = values.person;
  const event = z.enum(AUDIT_EVENT_IDS).safeParse(values.event);
  if (event.success) filter.event = event.data;
  else if (values.event) errors.event = "choose an event from the list, or All events";
  for (const field of ["from", "to"] as const) {
    if (values[field] && !isRealDay(values[field])) errors[field] = DATE_HINT;
  }
  if (values.from && !errors.from) filter.from = startOfDay(values.from, timeZone);
  // "To" is the last day shown, whole: entries before the next day begins.
  if (values.to && !errors.to) filter.before = startOfDay(values.to, timeZone, 1);
  if (filter.from && filter.before && filter.from >= filter.before) {
    errors.to = "choose a day on or after the From day";
    delete filter.before;
  }
  const reference = referenceSchema.safeParse(values.request);
  if (reference.success) filter.object = { type: "request", id: reference.data };
  else if (values.request) errors.request = "write a request reference, for example BP-7KQ2MX";

  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(first(params.page) || 1);
  return { values, errors, filter, page };
}

/** The address of the same filters (without empty ones), on another page or as CSV. */
export function auditHref(path: string, values: AuditQueryValues, page = 1): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The filters in a line short enough for an audit entry's detail ("all" when none). */
export function describeAuditFilter(values: AuditQueryValues): string {
  const parts = Object.entries(values)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value}`);
  return (parts.join("; ") || "all").slice(0, 200);
}
