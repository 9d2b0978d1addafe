import { getClinic } from "@/lib/content/clinic";
import { currentSite } from "@/lib/content/site";
import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The clinic's sharing card";

export const revalidate = 60;

export default async function Image() {
  await currentSite();
  return renderOgImage(getClinic().tagline);
}
