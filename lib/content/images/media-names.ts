/*
 * Where an uploaded image's prepared files are, decided by their names alone,
 * so the page renderer, the /media route and the upload agree without asking
 * the database. An upload is prepared at a few widths (never wider than it
 * came) in AVIF and in a fallback type (JPEG, or PNG when it has
 * transparency); the address staff paste into a page names the upload's hash,
 * its widest width and the fallback type: /media/<sha256>-<width>.<jpg|png>.
 * Every other file of the upload follows from that address.
 *
 * Uploads from before keep their old address, /media/<sha256>.<png|jpg|webp>:
 * it serves the prepared (metadata-free) image at its widest width.
 *
 * No Node or database imports: the component catalogue checks Figure's src
 * with MEDIA_PATTERN in the browser too.
 */

export const IMAGE_WIDTHS = [480, 800, 1200, 1600] as const;
export const MAX_IMAGE_WIDTH = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ?? 1600;

export type FallbackExt = "jpg" | "png";
type FileExt = FallbackExt | "avif" | "webp";

export const MIME_OF: Record<FileExt, string> = {
  avif: "image/avif",
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

const HASH = "[0-9a-f]{64}";
const WIDTH = "[1-9][0-9]{0,3}";

/** An address a page may use for an upload: the current shape or an older upload's. */
export const MEDIA_PATTERN = new RegExp(
  `^/media/(${HASH})(?:-(${WIDTH})\\.(jpg|png)|\\.(png|jpg|webp))$`,
);

/** A file name /media/ answers for; anything else is refused before the database is asked. */
export const MEDIA_FILE_PATTERN = new RegExp(`^(${HASH})(?:-(${WIDTH}))?\\.(avif|webp|jpg|png)$`);

/** The widths an upload `full` pixels wide is kept at: the standard ones below it, and itself. */
export function variantWidths(full: number): number[] {
  const width = Math.min(Math.round(full), MAX_IMAGE_WIDTH);
  return [...IMAGE_WIDTHS.filter((w) => w < width), width];
}

export const variantName = (hash: string, width: number, ext: FileExt) => `${hash}-${width}.${ext}`;

export const uploadSrc = (hash: string, width: number, ext: FallbackExt) =>
  `/media/${variantName(hash, width, ext)}`;

/** The address an upload from before this naming keeps, in the type it was uploaded as. */
export const legacyName = (hash: string, ext: "png" | "jpg" | "webp") => `${hash}.${ext}`;

/*
 * A phone packs up to three pixels into each CSS pixel, but a photo shows no
 * more detail past two: on such a phone the page offers widths up to twice the
 * widest phone column (about 400 CSS px), which halves the bytes of the
 * 1200-pixel copy it would otherwise take.
 */
export const DENSE_PHONE = "(max-width: 47.99rem) and (min-resolution: 2.5dppx)";
const DENSE_PHONE_MAX_WIDTH = 800;

export interface MediaSource {
  type: string;
  srcSet: string;
  /** Only for screens matching this media query (the first matching source wins). */
  media?: string;
}

export interface MediaSources {
  /** In the order a <picture> lists them: dense phones first, most efficient type first. */
  sources: MediaSource[];
  /** The fallback type's srcset, for the <img> itself. */
  fallbackSrcSet: string;
  /** The fallback at the smallest width, for browsers that ignore srcset. */
  src: string;
}

/** What a page needs to offer an upload at every width, or undefined for any other src. */
export function mediaSources(src: string): MediaSources | undefined {
  const match = MEDIA_PATTERN.exec(src);
  const [, hash, full, ext] = match ?? [];
  if (!hash || !full || (ext !== "jpg" && ext !== "png")) return undefined;
  const widths = variantWidths(Number(full));
  const phone = widths.filter((w) => w <= DENSE_PHONE_MAX_WIDTH);
  const srcSet = (type: FileExt, among = widths) =>
    among.map((w) => `/media/${variantName(hash, w, type)} ${w}w`).join(", ");
  const capped = phone.length > 0 && phone.length < widths.length;
  return {
    sources: [
      ...(capped
        ? [
            { type: MIME_OF.avif, srcSet: srcSet("avif", phone), media: DENSE_PHONE },
            { type: MIME_OF[ext], srcSet: srcSet(ext, phone), media: DENSE_PHONE },
          ]
        : []),
      { type: MIME_OF.avif, srcSet: srcSet("avif") },
    ],
    fallbackSrcSet: srcSet(ext),
    src: `/media/${variantName(hash, widths[0] ?? Number(full), ext)}`,
  };
}
