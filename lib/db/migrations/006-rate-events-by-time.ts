import "server-only";
import type { Kysely } from "kysely";

/*
 * The global ceilings (all clients together, for the form and for staff
 * sign-in) look up one bucket's events by time alone. The first index leads
 * with the client, so those lookups read every event in the bucket; this one
 * lets them read only the window, and only as far as the limit.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("rate_events_by_time")
    .on("rate_events")
    .columns(["bucket", "created_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("rate_events_by_time").execute();
}
