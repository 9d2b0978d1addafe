import "server-only";
import type { Kysely } from "kysely";

/*
 * Shared-password sessions were signed tokens, remembered here once signed
 * out. Personal accounts end a session on its own row (staff_sessions), and
 * no shared-password token opens anything any more, so the table goes.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropTable("revoked_staff_sessions").ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("revoked_staff_sessions")
    .addColumn("nonce", "text", (c) => c.primaryKey())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}
