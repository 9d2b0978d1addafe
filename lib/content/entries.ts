import "server-only";
import { liveContent } from "./live-content";
import { loadContent, type Entry } from "./load-content";

export type { Entry } from "./load-content";

let cached: Entry[] | undefined;

/**
 * Published content: files plus browser revisions once a route has awaited
 * currentSite() (lib/content/site.ts), the files alone before that. Drafts
 * are included under `next dev` only, so they never reach a production build
 * or the sitemap.
 */
export function getEntries(): Entry[] {
  const live = liveContent();
  if (live) return live.entries;
  cached ??= loadContent({ includeDrafts: process.env.NODE_ENV !== "production" });
  return cached;
}

export function getEntry(slug: string): Entry | undefined {
  return getEntries().find((entry) => entry.slug === slug);
}

/** Articles in reading order: those in the navigation first, by navOrder, then by title. */
export function getArticles(): Entry[] {
  return getEntries()
    .filter((entry) => entry.frontmatter.kind === "article" && entry.slug !== "")
    .sort(byNavOrder);
}

export function getNavigation(): { href: string; label: string }[] {
  return getEntries()
    .filter((entry) => entry.frontmatter.navOrder !== undefined)
    .sort(byNavOrder)
    .map((entry) => ({
      href: entry.href,
      label: entry.frontmatter.navLabel ?? entry.frontmatter.title,
    }));
}

export function getAdjacentArticles(slug: string): { previous?: Entry; next?: Entry } {
  const articles = getArticles();
  const index = articles.findIndex((entry) => entry.slug === slug);
  if (index === -1) return {};
  return { previous: articles[index - 1], next: articles[index + 1] };
}

function byNavOrder(a: Entry, b: Entry): number {
  const order = (a.frontmatter.navOrder ?? Infinity) - (b.frontmatter.navOrder ?? Infinity);
  return order || a.frontmatter.title.localeCompare(b.frontmatter.title);
}

/** Route params for every content page except the home page, for generateStaticParams. */
export function getSlugParams(): { slug: string }[] {
  return getEntries()
    .filter((entry) => entry.slug !== "")
    .map((entry) => ({ slug: entry.slug }));
}
