import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PUBLIC_DIR } from "../files/paths";

/**
 * Width and height of an SVG in public/, from its width/height attributes or
 * its viewBox, so staff need not type sizes for the site's illustrations.
 */
export function svgSize(src: string): { width: number; height: number } | undefined {
  if (!src.endsWith(".svg")) return undefined;
  const text = readFileSync(path.join(/*turbopackIgnore: true*/ PUBLIC_DIR, src), "utf8");
  const tag = text.match(/<svg\b[^>]*>/)?.[0] ?? "";
  const width = Number(tag.match(/\swidth="([\d.]+)"/)?.[1]);
  const height = Number(tag.match(/\sheight="([\d.]+)"/)?.[1]);
  if (width > 0 && height > 0) return { width, height };
  const box = tag.match(/viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/);
  if (box) return { width: Number(box[1]), height: Number(box[2]) };
  return undefined;
}
