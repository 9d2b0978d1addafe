import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "./types";

/*
 * The daily counts of lib/insights/: added to with one upsert per row, which
 * adds to what is there (ON CONFLICT … DO UPDATE, the same on SQLite and
 * PostgreSQL), so two servers flushing the same day both count.
 */
export type DayCount = { day: string; key: string; count: number };

const SHAPES = {
  views: { table: "insight_views", key: "page", count: "views" },
  referrers: { table: "insight_referrers", key: "host", count: "visits" },
  requestPages: { table: "insight_request_pages", key: "page", count: "requests" },
} as const;
export type InsightKind = keyof typeof SHAPES;

export async function addCounts(
  db: Kysely<Database>,
  kind: InsightKind,
  rows: readonly DayCount[],
): Promise<void> {
  const { table, key, count } = SHAPES[kind];
  for (const row of rows) {
    await db
      .insertInto(table)
      .values({ day: row.day, [key]: row.key, [count]: row.count } as never)
      .onConflict((oc) =>
        oc
          .columns(["day", key] as never)
          .doUpdateSet({ [count]: sql`${sql.ref(`${table}.${count}`)} + ${row.count}` } as never),
      )
      .execute();
  }
}

/** Totals per key from `since` (a UTC day, inclusive), most first. */
export async function totalsSince(
  db: Kysely<Database>,
  kind: InsightKind,
  since: string,
): Promise<{ key: string; count: number }[]> {
  const { table, key, count } = SHAPES[kind];
  const rows = await db
    .selectFrom(table)
    .select([
      sql<string>`${sql.ref(key)}`.as("key"),
      sql<number>`sum(${sql.ref(count)})`.as("count"),
    ])
    .where("day", ">=", since)
    .groupBy(key as never)
    .orderBy("count", "desc")
    .orderBy("key")
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** Every day's count per key from `since`, oldest first: the chart and the CSV. */
export async function dailySince(
  db: Kysely<Database>,
  kind: InsightKind,
  since: string,
): Promise<DayCount[]> {
  const { table, key, count } = SHAPES[kind];
  const rows = await db
    .selectFrom(table)
    .select([
      "day",
      sql<string>`${sql.ref(key)}`.as("key"),
      sql<number>`${sql.ref(count)}`.as("count"),
    ])
    .where("day", ">=", since)
    .orderBy("day")
    .orderBy(key as never)
    .execute();
  return rows.map((r) => ({ day: r.day, key: r.key, count: Number(r.count) }));
}

/**
 * Deletes the daily counts of days before `before` (a UTC day), in every
 * insight table; returns how many rows went. The insights page reads 90 days
 * at most, so what is older is kept only for a year-on-year look, then goes.
 */
export async function pruneInsights(db: Kysely<Database>, before: string): Promise<number> {
  let deleted = 0;
  for (const { table } of Object.values(SHAPES)) {
    const result = await db.deleteFrom(table).where("day", "<", before).executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
