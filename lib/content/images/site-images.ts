import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { listContentImages } from "@/lib/db/content-images";
import type { Database } from "@/lib/db/types";
import { formatDateTime } from "@/lib/staff/format";
import { PUBLIC_DIR } from "../files/paths";
import { svgSize } from "./image-size";
import { uploadSrc } from "./media-names";

/*
 * The images a Figure may show without a new upload, for the visual editor's
 * "Use an image already on the site": every prepared upload (newest first,
 * as the Images page lists them) and the site's own illustrations in
 * public/illustrations. Each with the address a Figure takes, its size, and
 * words to choose it by.
 */
export interface SiteImage {
  src: string;
  label: string;
  width?: number;
  height?: number;
}

const ILLUSTRATIONS = "illustrations";

export async function siteImages(db: Kysely<Database>, timeZone: string): Promise<SiteImage[]> {
  const uploads = (await listContentImages(db))
    .filter((image) => !image.pending)
    .map((image) => ({
      src: uploadSrc(image.hash, image.width, image.mime === "image/png" ? "png" : "jpg"),
      label: `Uploaded ${formatDateTime(image.created_at, timeZone)} (${image.width} × ${image.height})`,
      width: image.width,
      height: image.height,
    }));
  const illustrations = readdirSync(path.join(/*turbopackIgnore: true*/ PUBLIC_DIR, ILLUSTRATIONS))
    .filter((file) => file.endsWith(".svg"))
    .sort()
    .map((file) => {
      const src = `/${ILLUSTRATIONS}/${file}`;
      return {
        src,
        label: `Illustration: ${file.replace(/\.svg$/, "").replaceAll("-", " ")}`,
        ...svgSize(src),
      };
    });
  return [...uploads, ...illustrations];
}
