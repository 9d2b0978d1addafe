import { getClinic } from "@/lib/content/clinic";
import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The clinic's sharing card";

export default function Image() {
  return renderOgImage(getClinic().tagline);
}
