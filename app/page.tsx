import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HomeHero } from "@/components/home/home-hero";
import { ArticleCards } from "@/components/home/article-cards";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getArticles, getEntry } from "@/lib/content/entries";
import { currentSite } from "@/lib/content/site";
import { entryMetadata } from "@/lib/seo/metadata";

export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  await currentSite();
  const entry = getEntry("");
  return entry ? entryMetadata(entry) : {};
}

export default async function HomePage() {
  await currentSite();
  const entry = getEntry("");
  if (!entry) notFound();
  return (
    <>
      <HomeHero title={entry.frontmatter.title} lead={entry.frontmatter.description} />
      <div className="mx-auto max-w-3xl px-4">
        <div className="prose mt-10">
          <MdxContent source={entry.source} />
        </div>
        <ArticleCards articles={getArticles()} />
      </div>
    </>
  );
}
