import "server-only";
import type { Kysely } from "kysely";
import { listStoredOriginals, savePreparedUpload } from "@/lib/db/content-images";
import type { Database } from "@/lib/db/types";
import { legacyName, MEDIA_FILE_PATTERN } from "./media-names";
import { prepareImage } from "./prepare-image";
import { preparedRows } from "./upload-image";
import { logEvent } from "@/lib/log";

/*
 * Uploads stored before this version kept the file exactly as uploaded, GPS
 * position and all, and pages link to it as /media/<hash>.<png|jpg|webp>.
 * Each is prepared like a new upload, once (at start-up, and by /media/ if a
 * visitor asks first); its old address then serves the widest prepared file,
 * so published pages keep working without their text changing, and the
 * original bytes are dropped. One that cannot be prepared (over the pixel
 * limit, damaged) keeps its original in the database but is not served: the
 * Images page lists it as waiting, with the reason.
 */

const EXT_OF: Record<string, "png" | "jpg" | "webp"> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

/* Tried and refused in this process: a visitor asking again does not make the server try again. */
const refused = new Set<string>();

/** Prepares the stored originals (all, or the one `hash`); answers how many were prepared. */
export async function prepareStoredOriginals(db: Kysely<Database>, hash?: string): Promise<number> {
  let done = 0;
  if (hash && refused.has(hash)) return 0;
  for (const original of await listStoredOriginals(db, hash)) {
    const prepared = await prepareImage(Buffer.from(original.data, "base64"));
    if (!prepared.ok) {
      refused.add(original.hash);
      logEvent("image.not-prepared", { subject: original.hash, error: prepared.error });
      continue;
    }
    const files = preparedRows(original.hash, prepared);
    const widest = files.filter((f) => f.mime !== "image/avif").at(-1);
    const ext = EXT_OF[original.mime];
    if (widest && ext) files.push({ ...widest, name: legacyName(original.hash, ext) });
    await savePreparedUpload(
      db,
      {
        hash: original.hash,
        mime: widest?.mime ?? original.mime,
        width: prepared.width,
        height: prepared.height,
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        created_at: original.created_at,
      },
      files,
    );
    done++;
  }
  return done;
}

/** The upload hash an older address names, so /media/ can prepare it on first request. */
export function legacyHash(name: string): string | undefined {
  const match = MEDIA_FILE_PATTERN.exec(name);
  return match && !match[2] ? match[1] : undefined;
}
