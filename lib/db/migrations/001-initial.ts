import "server-only";
import { PostgresAdapter, type Kysely } from "kysely";
import type { CreateTableBuilder } from "kysely";

/*
 * The first schema. Written once with the schema builder for SQLite and
 * PostgreSQL alike; only the auto-increment id differs, in idColumn below.
 */
// Migrations must not depend on today's types: they describe the schema as it was.
type AnyDb = Kysely<unknown>;

function idColumn<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await idColumn(db, db.schema.createTable("consultation_requests"))
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("preferred_contact", "text", (c) => c.notNull())
    .addColumn("pain_area", "text", (c) => c.notNull())
    .addColumn("pain_duration", "text", (c) => c.notNull())
    .addColumn("preferred_times", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addColumn("first_visit", "integer", (c) => c.notNull())
    .addColumn("red_flags", "text", (c) => c.notNull())
    .addColumn("urgent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("new"))
    .addColumn("client_hash", "text", (c) => c.notNull())
    .addColumn("notify_state", "text", (c) => c.notNull())
    .addColumn("notify_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("notify_next_at", "text")
    .addColumn("notified_at", "text")
    .execute();
  await db.schema
    .createIndex("consultation_requests_status_created")
    .on("consultation_requests")
    .columns(["status", "created_at"])
    .execute();
  await db.schema
    .createIndex("consultation_requests_notify_due")
    .on("consultation_requests")
    .columns(["notify_state", "notify_next_at"])
    .execute();

  await idColumn(db, db.schema.createTable("request_events"))
    .addColumn("request_id", "integer", (c) =>
      c.notNull().references("consultation_requests.id").onDelete("cascade"),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("request_events_request")
    .on("request_events")
    .column("request_id")
    .execute();

  await idColumn(db, db.schema.createTable("rate_events"))
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("client_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_events_lookup")
    .on("rate_events")
    .columns(["bucket", "client_hash", "created_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("rate_events").execute();
  await db.schema.dropTable("request_events").execute();
  await db.schema.dropTable("consultation_requests").execute();
}
