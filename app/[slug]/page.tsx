import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleLayout } from "@/components/article/article-layout";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getEntry, getSlugParams } from "@/lib/content/entries";
import { entryMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

// Only files in content/ exist; anything else is a 404, decided at build time.
export const dynamicParams = false;

export const generateStaticParams = getSlugParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = getEntry((await params).slug);
  return entry ? entryMetadata(entry) : {};
}

export default async function ContentPage({ params }: Props) {
  const { slug } = await params;
  const entry = getEntry(slug);
  if (!entry || slug === "") notFound();
  return (
    <ArticleLayout entry={entry}>
      <MdxContent source={entry.source} />
    </ArticleLayout>
  );
}
