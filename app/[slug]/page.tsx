import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleLayout } from "@/components/article/article-layout";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getEntry, getSlugParams } from "@/lib/content/entries";
import { currentSite } from "@/lib/content/site";
import { entryMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

// Static, and generated again at most a minute after another server publishes (a publish here
// revalidates at once). Pages made in the browser after the build are rendered on first visit.
export const revalidate = 60;

export async function generateStaticParams() {
  await currentSite();
  return getSlugParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await currentSite();
  const entry = getEntry((await params).slug);
  return entry ? entryMetadata(entry) : {};
}

export default async function ContentPage({ params }: Props) {
  const { slug } = await params;
  await currentSite();
  const entry = getEntry(slug);
  if (!entry || slug === "") notFound();
  return (
    <ArticleLayout entry={entry}>
      <MdxContent source={entry.source} />
    </ArticleLayout>
  );
}
