import "server-only";
import type { Kysely } from "kysely";

/*
 * Personal staff accounts replace the one shared STAFF_PASSWORD (issue 16).
 *
 * staff_accounts: one row per person. `email` is stored lower-cased, so the
 * unique index compares addresses case-insensitively on both databases.
 * `password_hash` is an argon2id PHC string, null until the person has set
 * a password from their invitation link.
 *
 * staff_tokens: invitation and reset links. Only the SHA-256 of the random
 * token is kept, so a copy of the database opens nothing; one row per
 * account (the primary key), so a newer link replaces an older one.
 *
 * staff_sessions: one row per sign-in, found by the hash of the cookie's
 * token. Ending a session is `ended_at` on its own row (it replaces
 * revoked_staff_sessions), and a disabled account is refused at its next
 * request because every request reads the account with the session.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("staff_accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_sign_in_at", "text")
    .execute();

  await db.schema
    .createTable("staff_tokens")
    .addColumn("account_id", "text", (c) =>
      c.primaryKey().references("staff_accounts.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("account_id", "text", (c) =>
      c.notNull().references("staff_accounts.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("client_hash", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("end_reason", "text")
    .execute();
  await db.schema
    .createIndex("staff_sessions_account")
    .on("staff_sessions")
    .column("account_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("staff_sessions").execute();
  await db.schema.dropTable("staff_tokens").execute();
  await db.schema.dropTable("staff_accounts").execute();
}
