import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";
import { getClinic } from "@/lib/content/site/site";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The clinic's sharing card";

export const revalidate = 60;

export default async function Image() {
  return renderOgImage((await getClinic()).tagline);
}
