import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { saveContentImage } from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import { MAX_IMAGE_BYTES, probeImage } from "./image-probe";

export type UploadResult =
  | { ok: true; src: string; width: number; height: number }
  | { ok: false; error: "missing" | "too-big" | "not-image" };

export const UPLOAD_ERRORS = {
  missing: "Choose an image file to upload.",
  "too-big":
    "That file is over 5 MB. Save it smaller (for example 1600 pixels wide) and try again.",
  "not-image":
    "That file is not a PNG, JPEG or WebP image. SVG and other files cannot be uploaded; save it as PNG, JPEG or WebP.",
} as const;

/** Checks the bytes, not the name, and stores the image once under its content hash. */
export async function uploadImage(
  db: Kysely<Database>,
  file: FormDataEntryValue | null,
  now: Date,
): Promise<UploadResult> {
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, error: "missing" };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, error: "too-big" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const info = probeImage(bytes);
  if (!info) return { ok: false, error: "not-image" };
  const hash = createHash("sha256").update(bytes).digest("hex");
  await saveContentImage(db, {
    hash,
    mime: info.mime,
    width: info.width,
    height: info.height,
    bytes: bytes.length,
    data: Buffer.from(bytes).toString("base64"),
    created_at: now.toISOString(),
  });
  return { ok: true, src: `/media/${hash}.${info.ext}`, width: info.width, height: info.height };
}
