import "server-only";
import type { Kysely } from "kysely";
import { dailySince, totalsSince, type DayCount } from "@/lib/db/insights";
import type { Database } from "@/lib/db/types";

/*
 * What /staff/insights and its CSV show for a period: the last 7, 30 or 90
 * days, today included (UTC days, as they are counted).
 */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/** The `days` query value; anything else is the shortest period. */
export function parsePeriod(value: unknown): Period {
  return PERIODS.find((days) => String(days) === value) ?? 7;
}

export interface InsightReport {
  days: Period;
  /** Each day of the period, oldest first, with its total views (zero included). */
  perDay: { day: string; views: number }[];
  pages: { key: string; count: number }[];
  pageDays: DayCount[];
  referrers: { key: string; count: number }[];
  requestPages: { key: string; count: number }[];
}

export function periodDays(days: Period, now: Date): string[] {
  return Array.from({ length: days }, (_, i) =>
    new Date(now.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export async function insightReport(
  db: Kysely<Database>,
  days: Period,
  now = new Date(),
): Promise<InsightReport> {
  const dates = periodDays(days, now);
  const since = dates[0] ?? now.toISOString().slice(0, 10);
  const [pages, pageDays, referrers, requestPages] = await Promise.all([
    totalsSince(db, "views", since),
    dailySince(db, "views", since),
    totalsSince(db, "referrers", since),
    totalsSince(db, "requestPages", since),
  ]);
  const totals = new Map<string, number>();
  for (const row of pageDays) totals.set(row.day, (totals.get(row.day) ?? 0) + row.count);
  const perDay = dates.map((day) => ({ day, views: totals.get(day) ?? 0 }));
  return { days, perDay, pages, pageDays, referrers, requestPages };
}

/** The report as CSV rows: what was counted, the day, the page or site, the number. */
export async function insightRows(db: Kysely<Database>, days: Period, now = new Date()) {
  const since = periodDays(days, now)[0] ?? now.toISOString().slice(0, 10);
  const [views, referrers, requests] = await Promise.all([
    dailySince(db, "views", since),
    dailySince(db, "referrers", since),
    dailySince(db, "requestPages", since),
  ]);
  const as = (what: string, rows: DayCount[]) =>
    rows.map((row) => [what, row.day, row.key, String(row.count)]);
  return [
    ...as("views", views),
    ...as("visits from site", referrers),
    ...as("requests sent after page", requests),
  ];
}

export const INSIGHT_CSV_HEADER = ["counted", "day (UTC)", "page or site", "number"] as const;
