import "server-only";
import type { Kysely } from "kysely";

/*
 * Two-step sign-in (issue 16): what a staff account proves after its password,
 * or instead of it with a passkey.
 *
 * - staff_totp: one row per account. The key is kept only encrypted
 *   (AES-256-GCM under a key derived from APP_SECRET, lib/staff/totp.ts), so a
 *   copied database alone cannot make codes. `pending_secret` holds a key being
 *   set up or replaced until a code from it is confirmed; the one in use keeps
 *   working meanwhile. `last_used_step` makes each code work once.
 * - staff_recovery_codes: only a SHA-256 of each code; `used_at` spends it.
 * - staff_passkeys: a WebAuthn credential per row, named by its owner.
 * - staff_webauthn_challenges: the challenge of one passkey ceremony, deleted
 *   when answered, so an answer cannot be replayed.
 * - staff_settings: clinic-wide staff settings; "two-step required" starts on.
 *
 * No foreign keys to staff_accounts: migrations may land in any order (011 may
 * run after this one) and accounts are disabled, never deleted.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("staff_totp")
    .addColumn("account_id", "text", (c) => c.primaryKey())
    .addColumn("secret", "text")
    .addColumn("confirmed_at", "text")
    .addColumn("last_used_step", "integer")
    .addColumn("pending_secret", "text")
    .addColumn("pending_at", "text")
    .execute();

  await db.schema
    .createTable("staff_recovery_codes")
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("staff_recovery_codes_account_code", ["account_id", "code_hash"])
    .execute();

  await db.schema
    .createTable("staff_passkeys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull())
    .addColumn("transports", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema
    .createIndex("staff_passkeys_account")
    .on("staff_passkeys")
    .column("account_id")
    .execute();

  await db.schema
    .createTable("staff_webauthn_challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("account_id", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("staff_settings" as never)
    .values({ key: "two-step-required", value: "1", updated_at: new Date().toISOString() } as never)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "staff_settings",
    "staff_webauthn_challenges",
    "staff_passkeys",
    "staff_recovery_codes",
    "staff_totp",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
