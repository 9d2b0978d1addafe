import "server-only";
import type { Kysely } from "kysely";
import { getMediaFile } from "@/lib/db/content-images";
import type { Database } from "@/lib/db/types";
import { MEDIA_FILE_PATTERN } from "./media-names";
import { legacyHash, prepareStoredOriginals } from "./stored-originals";

/*
 * What /media/<name> answers: a prepared file of an uploaded image. Its name
 * holds the upload's content hash, so it can be cached for good. Only a name
 * of the exact shape is looked up; an older upload's address may prepare that
 * upload first.
 */
export async function mediaResponse(db: Kysely<Database>, name: string): Promise<Response> {
  if (!MEDIA_FILE_PATTERN.test(name)) return notFound();
  let file = await getMediaFile(db, name);
  const older = file ? undefined : legacyHash(name);
  if (older && (await prepareStoredOriginals(db, older)) > 0) file = await getMediaFile(db, name);
  if (!file) return notFound();
  return new Response(Buffer.from(file.data, "base64"), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.bytes),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}

// Not cached: an upload with that name may come later, and a proxy that gives /media/ long
// caching where a response sets none (deploy/Caddyfile) must not keep the 404 for a year.
const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
