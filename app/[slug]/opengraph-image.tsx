import { getEntry, getSlugParams } from "@/lib/content/entries";
import { currentSite } from "@/lib/content/site";
import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article title on the clinic's sharing card";

export const revalidate = 60;

export async function generateStaticParams() {
  await currentSite();
  return getSlugParams();
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await currentSite();
  const entry = getEntry((await params).slug);
  return renderOgImage(entry?.frontmatter.title ?? "");
}
