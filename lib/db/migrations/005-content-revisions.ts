import "server-only";
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from "kysely";

/*
 * Staff edit pages and clinic details in the browser. Every publish is a new
 * row, never an update, so the history is the table itself and undo is a new
 * row too. The newest row for a page wins over its file in content/;
 * `base_hash` is the file version the edit started from, which tells a later
 * deploy's file change apart from one the editor already saw, and
 * `parent_id` the revision it was written on top of (0 for none).
 * Images are stored in the database (base64 text, the same on both engines)
 * so every server sharing the database can serve them.
 */
type AnyDb = Kysely<unknown>;

function idColumn<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await idColumn(db, db.schema.createTable("page_revisions"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("note", "text")
    // "publish" carries frontmatter and body; "delete" removes a browser-made page;
    // "file" goes back to the version in content/.
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("frontmatter", "text")
    .addColumn("body", "text")
    .addColumn("base_hash", "text")
    .addColumn("parent_id", "integer", (c) => c.notNull())
    .execute();
  // Two editors publishing on top of the same revision: the database lets only one in.
  await db.schema
    .createIndex("page_revisions_slug_parent")
    .on("page_revisions")
    .columns(["slug", "parent_id"])
    .unique()
    .execute();

  await idColumn(db, db.schema.createTable("clinic_revisions"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("clinic", "text", (c) => c.notNull())
    .addColumn("base_hash", "text")
    .addColumn("parent_id", "integer", (c) => c.notNull().unique())
    .execute();

  // Text being previewed without JavaScript, for the signed-in person who typed it; kept a day.
  await db.schema
    .createTable("editor_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("content_images")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("content_images").execute();
  await db.schema.dropTable("editor_drafts").execute();
  await db.schema.dropTable("clinic_revisions").execute();
  await db.schema.dropTable("page_revisions").execute();
}
