import { ArticleLayout } from "@/components/article/article-layout";
import { HomeContent } from "@/components/home/home-content";
import { MdxContent } from "@/components/mdx/mdx-content";
import type { Entry } from "@/lib/content/types";

/** A page exactly as visitors will see it: the same layout, components and styles. */
export function PagePreview({ entry }: { entry: Entry }) {
  if (entry.slug === "") return <HomeContent entry={entry} />;
  return (
    <ArticleLayout entry={entry}>
      <MdxContent source={entry.source} />
    </ArticleLayout>
  );
}
