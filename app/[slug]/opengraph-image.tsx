import { getEntry, getSlugParams } from "@/lib/content/entries";
import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article title on the clinic's sharing card";

export const generateStaticParams = getSlugParams;

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const entry = getEntry((await params).slug);
  return renderOgImage(entry?.frontmatter.title ?? "");
}
