import "server-only";
import type { Kysely } from "kysely";

/*
 * The visitor's acknowledgement email (issue 19) is queued on the request row
 * beside the clinic email, with the same claim, lease and retries: one set of
 * columns per request means at most one acknowledgement per request, by
 * construction. Rows stored before this migration were never acknowledged
 * and never will be, so they start "off".
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const table = () => db.schema.alterTable("consultation_requests");
  await table()
    .addColumn("ack_state", "text", (c) => c.notNull().defaultTo("off"))
    .execute();
  await table()
    .addColumn("ack_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await table().addColumn("ack_next_at", "text").execute();
  await table().addColumn("acked_at", "text").execute();
  await db.schema
    .createIndex("consultation_requests_ack_due")
    .on("consultation_requests")
    .columns(["ack_state", "ack_next_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("consultation_requests_ack_due").execute();
  for (const column of ["acked_at", "ack_next_at", "ack_attempts", "ack_state"]) {
    await db.schema.alterTable("consultation_requests").dropColumn(column).execute();
  }
}
