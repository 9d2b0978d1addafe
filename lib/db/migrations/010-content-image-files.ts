import "server-only";
import type { Kysely } from "kysely";

/*
 * Uploads are kept as prepared files only (a few widths, AVIF and JPEG or
 * PNG, no metadata), one row each, named as /media/ serves them. Uploads
 * stored before keep their content_images row with the original bytes until
 * lib/content/images/stored-originals.ts has prepared them, at the next start.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("content_image_files")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("content_image_files_by_hash")
    .on("content_image_files")
    .column("hash")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("content_image_files").execute();
}
