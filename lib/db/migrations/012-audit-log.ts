import "server-only";
import { PostgresAdapter, sql, type Kysely } from "kysely";

/*
 * The audit log: who saw and changed what (HIPAA 164.312(b), GDPR Art. 5(2)).
 * Append-only. The data layer (lib/db/audit-log.ts) has no update, and deletes
 * only entries past the retention period; a trigger refuses any UPDATE on both
 * engines as well, so not even a later bug or a hand-written query can rewrite
 * an entry. The account's name is copied at the time, so a rename or a removed
 * account never rewrites history, and nothing refers to other tables by key:
 * deleting a request (retention, erasure) leaves the entries about it.
 */
type AnyDb = Kysely<unknown>;

const REFUSAL = "audit_log is append-only: entries are never changed";

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("audit_log")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    // Null when nobody was signed in (a failed sign-in) or for the server itself.
    .addColumn("account_id", "text")
    .addColumn("account_name", "text")
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("object_type", "text")
    .addColumn("object_id", "text")
    // Small JSON object of short strings and numbers (lib/staff/audit-events.ts AUDIT_DETAIL_KEYS).
    .addColumn("detail", "text")
    .addColumn("client_hash", "text")
    .execute();
  // The three ways the log is read: newest first, one person's, one request's (or page's).
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at", "id"]).execute();
  await db.schema
    .createIndex("audit_log_account")
    .on("audit_log")
    .columns(["account_id", "at"])
    .execute();
  await db.schema
    .createIndex("audit_log_object")
    .on("audit_log")
    .columns(["object_type", "object_id", "at"])
    .execute();

  if (postgres) {
    await sql`
      CREATE FUNCTION audit_log_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${sql.raw(REFUSAL)}';
      END
      $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_update()`.execute(db);
  } else {
    await sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, '${sql.raw(REFUSAL)}'); END`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP FUNCTION IF EXISTS audit_log_refuse_update()`.execute(db);
  }
}
