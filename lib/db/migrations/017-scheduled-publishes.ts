import "server-only";
import { PostgresAdapter, type Kysely } from "kysely";

/*
 * A publish set for a later time (issue 18): the text as it passed the
 * editor's checks, the revision it was written on top of (`parent_id`, so it
 * can never overwrite a change made after it was scheduled), when it is due
 * (ISO UTC) and who scheduled it. Every server on the database looks for due
 * rows; one claims a row by setting `claimed_by`/`claimed_at` in a single
 * UPDATE that only a still-pending, unclaimed row matches, so only that server
 * publishes it. `state` ends as published, cancelled or failed, with
 * `result` saying what happened in words staff read.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("scheduled_publishes")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("frontmatter", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("base_hash", "text")
    .addColumn("parent_id", "integer", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("account_id", "text")
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("result", "text")
    .execute();
  // The runner's question every few seconds: which pending rows are due.
  await db.schema
    .createIndex("scheduled_publishes_due")
    .on("scheduled_publishes")
    .columns(["state", "due_at"])
    .execute();
  await db.schema
    .createIndex("scheduled_publishes_slug")
    .on("scheduled_publishes")
    .columns(["slug", "id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("scheduled_publishes").execute();
}
