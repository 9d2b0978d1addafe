import { getEntry, getSlugParams } from "@/lib/content/site/entries";
import { OG_SIZE, renderOgImage } from "@/lib/seo/og-image";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article title on the clinic's sharing card";

export const revalidate = 60;

export async function generateStaticParams() {
  return getSlugParams();
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const entry = await getEntry((await params).slug);
  return renderOgImage(entry?.frontmatter.title ?? "");
}
