import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleLayout } from "@/components/article/article-layout";
import { ViewBeacon } from "@/components/layout/view-beacon";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getEntry, getSlugParams } from "@/lib/content/site/entries";
import { entryMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

// Static. A publish here revalidates at once, one on another server within seconds
// (lib/content/site/content-watch.ts); the minute is the backstop. Pages made in the browser
// after the build are rendered on first visit.
export const revalidate = 60;

export async function generateStaticParams() {
  return getSlugParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await getEntry((await params).slug);
  return entry ? entryMetadata(entry) : {};
}

export default async function ContentPage({ params }: Props) {
  const { slug } = await params;
  const entry = await getEntry(slug);
  if (!entry || slug === "") notFound();
  return (
    <>
      <ViewBeacon />
      <ArticleLayout entry={entry}>
        <MdxContent source={entry.source} />
      </ArticleLayout>
    </>
  );
}
