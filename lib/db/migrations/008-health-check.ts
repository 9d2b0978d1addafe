import "server-only";
import type { Kysely } from "kysely";

/*
 * One row that /healthz writes to, so the check proves the database takes a
 * write and not only that it answers a read (see lib/health.ts). One row,
 * overwritten, so the checks never add up.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("health_check")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("checked_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("health_check").execute();
}
