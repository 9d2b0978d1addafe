import "server-only";
import type { Kysely } from "kysely";

/*
 * Staff sessions are signed tokens, so signing out must be remembered on the
 * server: a copied cookie would otherwise stay valid until it expires. A row
 * lives only until the token it revokes would have expired anyway.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("revoked_staff_sessions")
    .addColumn("nonce", "text", (c) => c.primaryKey())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("revoked_staff_sessions").execute();
}
