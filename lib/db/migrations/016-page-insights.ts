import "server-only";
import type { Kysely } from "kysely";

/*
 * Cookie-free insight (lib/insights/): counts per day, and nothing else. No
 * row is about a visitor or a request: a view, a referring site or a request
 * sent after a page only adds one to its day's total, so the tables cannot be
 * joined to anyone. Days are UTC dates (YYYY-MM-DD), so two servers add to
 * the same row (ON CONFLICT … DO UPDATE, lib/db/insights.ts).
 */
type AnyDb = Kysely<unknown>;

const TABLES = [
  ["insight_views", "page", "views"],
  ["insight_referrers", "host", "visits"],
  ["insight_request_pages", "page", "requests"],
] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const [table, key, count] of TABLES) {
    await db.schema
      .createTable(table)
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn(key, "text", (c) => c.notNull())
      .addColumn(count, "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ["day", key])
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const [table] of TABLES) await db.schema.dropTable(table).execute();
}
