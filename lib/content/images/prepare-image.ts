import "server-only";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import { MIME_OF, variantWidths, type FallbackExt } from "./media-names";

/*
 * An uploaded photo as visitors should get it: turned the way the camera
 * held it, in sRGB, at a few widths, with nothing but pixels. The file is
 * decoded once into raw pixels and every stored file is encoded from those,
 * so no EXIF (GPS position, camera, time), XMP, IPTC, comment or ICC profile
 * can reach a visitor: there is nothing to copy them from.
 *
 * What the file is comes from sharp reading its header, not from its name or
 * the type the browser claims: PNG, JPEG and WebP only (SVG can carry
 * scripts; the rest are not photos). Work is bounded: the pixel count is
 * checked from the header before anything is decoded, and sharp keeps the
 * same limit while decoding, uses one thread, keeps no cache, and gives up
 * after PREPARE_TIMEOUT_SECONDS.
 */

/** 50 megapixels: an 8,000 × 6,000 photo passes; a decompression bomb does not reach memory. */
export const MAX_INPUT_PIXELS = 50_000_000;
const PREPARE_TIMEOUT_SECONDS = 30;
const ACCEPTED = new Set(["jpeg", "png", "webp"]);

sharp.concurrency(1);
sharp.cache(false);

export interface PreparedFile {
  width: number;
  height: number;
  mime: string;
  ext: "avif" | FallbackExt | "webp";
  data: Buffer;
}

export type Prepared =
  | { ok: true; width: number; height: number; fallback: FallbackExt; files: PreparedFile[] }
  | { ok: false; error: "not-image" | "damaged" | "too-many-pixels" | "too-slow" };

interface Pixels {
  data: Buffer;
  info: OutputInfo;
}

/** Reads, checks and decodes; every way a file can be wrong becomes an answer, never a throw. */
async function decode(bytes: Uint8Array): Promise<Pixels | Exclude<Prepared, { ok: true }>> {
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    // Over the limit by its header; a file sharp has no reader for; or one cut short or invalid.
    if (/pixel limit/i.test((error as Error).message))
      return { ok: false, error: "too-many-pixels" };
    return { ok: false, error: isKnownSignature(bytes) ? "damaged" : "not-image" };
  }
  if (!ACCEPTED.has(header.format)) return { ok: false, error: "not-image" };
  if (header.width * header.height > MAX_INPUT_PIXELS)
    return { ok: false, error: "too-many-pixels" };
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .timeout({ seconds: PREPARE_TIMEOUT_SECONDS })
      .autoOrient()
      .resize({ width: variantWidths(header.autoOrient.width).at(-1), withoutEnlargement: true })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) return { ok: false, error: "too-many-pixels" };
    if (/timeout/i.test(message)) return { ok: false, error: "too-slow" };
    return { ok: false, error: "damaged" };
  }
}

/** PNG, JPEG and WebP signatures: such a file that cannot be read is damaged, not of another type. */
function isKnownSignature(bytes: Uint8Array): boolean {
  const ascii = (at: number, length: number) =>
    String.fromCharCode(...bytes.subarray(at, at + length));
  return (
    ascii(1, 3) === "PNG" ||
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP")
  );
}

const encoders: Record<PreparedFile["ext"], (image: Sharp) => Sharp> = {
  // Effort 1: a tenth of the default's time for a few percent more bytes, on a 2-core server.
  avif: (image) => image.avif({ quality: 50, effort: 1, chromaSubsampling: "4:2:0" }),
  jpg: (image) => image.jpeg({ quality: 78, mozjpeg: true }),
  png: (image) => image.png({ compressionLevel: 9, effort: 7 }),
  webp: (image) => image.webp({ quality: 78 }),
};

/** Encodes the decoded pixels at one width in one type. */
async function encodePixels(
  pixels: Pixels,
  width: number,
  ext: PreparedFile["ext"],
): Promise<PreparedFile> {
  const { width: w, height: h, channels } = pixels.info;
  const resized = sharp(pixels.data, { raw: { width: w, height: h, channels } })
    .timeout({ seconds: PREPARE_TIMEOUT_SECONDS })
    .resize({ width, withoutEnlargement: true });
  const { data, info } = await encoders[ext](resized).toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, mime: MIME_OF[ext], ext, data };
}

/*
 * One image at a time per server: two staff uploading at once wait their turn
 * rather than doubling the memory and CPU a photo takes.
 */
let turn: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = turn.then(work, work);
  turn = result.catch(() => undefined);
  return result;
}

/** The upload at every width in AVIF and in its fallback type, or why it cannot be. */
export function prepareImage(bytes: Uint8Array): Promise<Prepared> {
  return oneAtATime(() => prepare(bytes));
}

async function prepare(bytes: Uint8Array): Promise<Prepared> {
  const pixels = await decode(bytes);
  if ("ok" in pixels) return pixels;
  const fallback: FallbackExt = pixels.info.channels === 4 ? "png" : "jpg";
  const files: PreparedFile[] = [];
  try {
    for (const width of variantWidths(pixels.info.width)) {
      for (const ext of ["avif", fallback] as const)
        files.push(await encodePixels(pixels, width, ext));
    }
  } catch (error) {
    return { ok: false, error: /timeout/i.test((error as Error).message) ? "too-slow" : "damaged" };
  }
  return { ok: true, width: pixels.info.width, height: pixels.info.height, fallback, files };
}
