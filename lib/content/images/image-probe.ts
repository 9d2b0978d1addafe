/*
 * What an uploaded file really is, read from its bytes rather than its name
 * or the type the browser claims: PNG, JPEG and WebP are accepted, with their
 * width and height; anything else (SVG, which can carry scripts, included) is not.
 */
export interface ImageInfo {
  mime: "image/png" | "image/jpeg" | "image/webp";
  ext: "png" | "jpg" | "webp";
  width: number;
  height: number;
}

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

export function probeImage(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (ascii(bytes, 12, 4) !== "IHDR") return undefined;
    return sized("image/png", "png", view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegSize(bytes, view);
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === "VP8X")
      return sized(
        "image/webp",
        "webp",
        1 + (view.getUint32(24, true) & 0xffffff),
        1 + (view.getUint32(27, true) & 0xffffff),
      );
    if (chunk === "VP8 " && startsWith(bytes, [0x9d, 0x01, 0x2a], 23))
      return sized(
        "image/webp",
        "webp",
        view.getUint16(26, true) & 0x3fff,
        view.getUint16(28, true) & 0x3fff,
      );
    if (chunk === "VP8L" && bytes[20] === 0x2f) {
      const bits = view.getUint32(21, true);
      return sized("image/webp", "webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
  }
  return undefined;
}

function sized(mime: ImageInfo["mime"], ext: ImageInfo["ext"], width: number, height: number) {
  return width > 0 && height > 0 && width <= 20000 && height <= 20000
    ? { mime, ext, width, height }
    : undefined;
}

/** JPEG keeps its size in the first start-of-frame segment. */
function jpegSize(bytes: Uint8Array, view: DataView): ImageInfo | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return sized("image/jpeg", "jpg", view.getUint16(at + 7), view.getUint16(at + 5));
    at += 2 + length;
  }
  return undefined;
}

/** Uploaded images live at /media/<sha256>.<ext>: the address changes whenever the bytes do. */
export const MEDIA_PATTERN = /^\/media\/([0-9a-f]{64})\.(png|jpg|webp)$/;
