import { ArticleCards } from "@/components/home/article-cards";
import { HomeHero } from "@/components/home/home-hero";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getArticles } from "@/lib/content/site/entries";
import { getClinic } from "@/lib/content/site/site";
import { bookingLink } from "@/lib/validations/clinic-schema";
import type { Entry } from "@/lib/content/types";

/** The home page's body: the public page and the staff preview both render it. */
export async function HomeContent({ entry }: { entry: Entry }) {
  return (
    <>
      <HomeHero
        title={entry.frontmatter.title}
        lead={entry.frontmatter.description}
        booking={bookingLink(await getClinic())}
      />
      <div className="mx-auto max-w-3xl px-4">
        <div className="prose mt-10">
          <MdxContent source={entry.source} />
        </div>
        <ArticleCards articles={await getArticles()} />
      </div>
    </>
  );
}
