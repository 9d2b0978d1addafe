import "server-only";
import type { Kysely } from "kysely";
import type { ContentImageFileTable, ContentImageTable, Database } from "./types";
import { writeTransaction } from "./write-transaction";

/*
 * Uploaded images, in the database (base64 text, the same on both engines)
 * so every server sharing it serves them and a backup holds them. An upload
 * is one content_images row and its prepared files; the files are written in
 * the same transaction as the row, so a listed upload always has them.
 */

export type UploadRow = Omit<ContentImageTable, "data">;

/**
 * Stores an upload's prepared files and its row, in one step. A second upload
 * of the same bytes changes nothing; an upload stored before prepared files
 * existed has its original replaced, so from then on the bytes as uploaded
 * (and whatever metadata they carried) are nowhere in the database.
 */
export async function savePreparedUpload(
  db: Kysely<Database>,
  upload: UploadRow,
  files: ContentImageFileTable[],
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom("content_images")
      .select("data")
      .where("hash", "=", upload.hash)
      .executeTakeFirst();
    if (existing?.data === "") return;
    await trx
      .deleteFrom("content_image_files")
      .where(
        "name",
        "in",
        files.map((file) => file.name),
      )
      .execute();
    for (const file of files) await trx.insertInto("content_image_files").values(file).execute();
    if (existing)
      await trx
        .updateTable("content_images")
        .set({ ...upload, data: "" })
        .where("hash", "=", upload.hash)
        .execute();
    else
      await trx
        .insertInto("content_images")
        .values({ ...upload, data: "" })
        .execute();
  });
}

/** One prepared file, by the name /media/ was asked for. */
export async function getMediaFile(
  db: Kysely<Database>,
  name: string,
): Promise<ContentImageFileTable | undefined> {
  return db
    .selectFrom("content_image_files")
    .selectAll()
    .where("name", "=", name)
    .executeTakeFirst();
}

/** Every upload, newest first, with whether it still waits to be prepared. */
export async function listContentImages(
  db: Kysely<Database>,
): Promise<(UploadRow & { pending: boolean })[]> {
  const rows = await db
    .selectFrom("content_images")
    .select(["hash", "mime", "width", "height", "bytes", "created_at"])
    .select((eb) => eb("data", "!=", "").as("pending"))
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((row) => ({ ...row, pending: Boolean(row.pending) }));
}

/** Uploads stored before prepared files existed, original bytes and all. */
export async function listStoredOriginals(
  db: Kysely<Database>,
  hash?: string,
): Promise<ContentImageTable[]> {
  let query = db.selectFrom("content_images").selectAll().where("data", "!=", "");
  if (hash) query = query.where("hash", "=", hash);
  return query.execute();
}
