import Link from "next/link";
import type { Entry } from "@/lib/content/types";

/** Every published article, so a new file in content/ appears here with no code change. */
export function ArticleCards({ articles }: { articles: Entry[] }) {
  return (
    <section aria-labelledby="articles-heading" className="mt-12">
      <h2 id="articles-heading" className="text-2xl font-semibold">
        Read before you book
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {articles.map((article) => (
          <li key={article.slug}>
            <Link
              href={article.href}
              className="block h-full rounded-xl border border-line bg-surface-raised p-5 no-underline hover:bg-brand-soft"
            >
              <span className="block font-serif text-lg font-semibold text-brand underline">
                {article.frontmatter.title}
              </span>
              <span className="mt-1 block text-ink">{article.frontmatter.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
