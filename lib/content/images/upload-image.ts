import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { savePreparedUpload } from "@/lib/db/content-images";
import type { Database } from "@/lib/db/types";
import { uploadSrc, variantName } from "./media-names";
import { MAX_INPUT_PIXELS, prepareImage, type Prepared, type PreparedFile } from "./prepare-image";
import { errorLine, logEvent } from "@/lib/log";

/** A phone photo straight from the phone fits; the staff proxy buffers at most 10 MB. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export type UploadError =
  "missing" | "too-big" | "not-image" | "damaged" | "too-many-pixels" | "too-slow" | "not-saved";

export type UploadResult =
  { ok: true; src: string; width: number; height: number } | { ok: false; error: UploadError };

const megapixels = MAX_INPUT_PIXELS / 1_000_000;

/** What staff read for each refusal: what happened and what to do instead. */
export const UPLOAD_ERRORS: Record<UploadError, string> = {
  missing: "Choose an image file to upload.",
  "too-big": `That file is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Save it smaller (for example 3000 pixels wide) and try again.`,
  "not-image":
    "That file is not a PNG, JPEG or WebP image. SVG and other files cannot be uploaded; save it as PNG, JPEG or WebP.",
  damaged:
    "That file could not be read as an image: it may be damaged or cut short. Open it, save it again as PNG, JPEG or WebP, and upload that.",
  "too-many-pixels": `That image has more than ${megapixels} million pixels (for example 8,000 × 6,000), the most the site prepares. Save it smaller, for example 4,000 pixels wide, and try again.`,
  "too-slow":
    "Preparing that image took too long. Save it smaller, for example 4,000 pixels wide, and try again.",
  "not-saved":
    "The image could not be saved: the site's storage did not answer. Try again in a minute; if it keeps happening, tell whoever runs the site.",
};

/** Rows for the prepared files of the upload `hash`, named as /media/ serves them. */
export function preparedRows(hash: string, prepared: Extract<Prepared, { ok: true }>) {
  const file = (f: PreparedFile) => ({
    name: variantName(hash, f.width, f.ext),
    hash,
    mime: f.mime,
    width: f.width,
    height: f.height,
    bytes: f.data.length,
    data: f.data.toString("base64"),
  });
  return prepared.files.map(file);
}

/**
 * The one way an image gets into the site (the Images page and the editor's
 * upload both call it): checks the file, prepares it (lib/content/images/
 * prepare-image.ts) and stores the prepared files under the hash of what was
 * uploaded. The original bytes are not kept. Answers the address and size to
 * write in a Figure, or a refusal whose text is UPLOAD_ERRORS[error]; it does not throw.
 */
export async function uploadImage(
  db: Kysely<Database>,
  file: FormDataEntryValue | null,
  now: Date,
): Promise<UploadResult> {
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, error: "missing" };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, error: "too-big" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const prepared = await prepareImage(bytes);
  if (!prepared.ok) return prepared;
  const hash = createHash("sha256").update(bytes).digest("hex");
  const files = preparedRows(hash, prepared);
  try {
    await savePreparedUpload(
      db,
      {
        hash,
        mime: prepared.fallback === "png" ? "image/png" : "image/jpeg",
        width: prepared.width,
        height: prepared.height,
        bytes: files.reduce((sum, f) => sum + f.bytes, 0),
        created_at: now.toISOString(),
      },
      files,
    );
  } catch (error) {
    logEvent("db.failed", { action: "image upload not saved", error: errorLine(error) });
    return { ok: false, error: "not-saved" };
  }
  const src = uploadSrc(hash, prepared.width, prepared.fallback);
  return { ok: true, src, width: prepared.width, height: prepared.height };
}
