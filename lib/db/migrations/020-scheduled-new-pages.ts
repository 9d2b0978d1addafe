import "server-only";
import type { Kysely } from "kysely";

/*
 * A scheduled publish may be a new page's first (issue 18): `new_page` is 1
 * for those. The address was free when it was scheduled; when it is due the
 * runner checks again that nobody made a page there meanwhile, where a
 * schedule of an existing page would merge with the newer version instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("scheduled_publishes")
    .addColumn("new_page", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("scheduled_publishes").dropColumn("new_page").execute();
}
