import type { MetadataRoute } from "next";
import { getClinic } from "@/lib/content/site/site";
import { webManifest } from "@/lib/seo/web-manifest";
import { contentType as appleIconType, size as appleIconSize } from "./apple-icon";

// The clinic's name can change in the staff editor: read again like the sharing card.
export const revalidate = 60;

/** Next.js answers this at /manifest.webmanifest and links it from every page's head. */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  return webManifest(await getClinic(), [
    // app/icon.svg: a vector drawing, good at every size.
    { src: "/icon.svg", size: "any", contentType: "image/svg+xml" },
    { src: "/apple-icon", size: appleIconSize, contentType: appleIconType },
  ]);
}
