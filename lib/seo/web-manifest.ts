import "server-only";
import type { MetadataRoute } from "next";
import type { Clinic } from "@/lib/validations/clinic-schema";
import { BRAND_COLOURS } from "./brand-colours";

/** An icon route of app/ as the manifest lists it; the caller passes the route's own exports. */
export interface ManifestIcon {
  src: string;
  size: { width: number; height: number } | "any";
  contentType: string;
}

/**
 * The web app manifest (/manifest.webmanifest): what a phone shows when a
 * patient adds the site to the home screen. "browser" display keeps the
 * address bar and the browser's own controls: this is a website, not an app,
 * and the consultation form's links and the staff pages expect a browser.
 * The colours are the page's own (the surface behind every page, the same
 * value the layout gives the browser as its theme colour), so the splash
 * screen and the page that follows it match.
 */
export function webManifest(clinic: Clinic, icons: ManifestIcon[]): MetadataRoute.Manifest {
  return {
    name: clinic.name,
    short_name: clinic.shortName,
    description: clinic.tagline,
    lang: "en",
    start_url: "/",
    scope: "/",
    display: "browser",
    theme_color: BRAND_COLOURS.light.surface,
    background_color: BRAND_COLOURS.light.surface,
    icons: icons.map((icon) => ({
      src: icon.src,
      sizes: icon.size === "any" ? "any" : `${icon.size.width}x${icon.size.height}`,
      type: icon.contentType,
    })),
  };
}
