import "server-only";
import type { Entry } from "../types";
import { renderableEntries } from "./rendered-entries";
import { getSite } from "./site";

/*
 * Published pages, read from the loaded site each time they are asked for:
 * files plus browser revisions, each as its newest text that renders. Drafts
 * are included under `next dev` only, so they never reach a production build
 * or the sitemap.
 */
export async function getEntries(): Promise<Entry[]> {
  return renderableEntries(await getSite());
}

export async function getEntry(slug: string): Promise<Entry | undefined> {
  return (await getEntries()).find((entry) => entry.slug === slug);
}

/** Articles in reading order: those in the navigation first, by navOrder, then by title. */
export async function getArticles(): Promise<Entry[]> {
  return (await getEntries())
    .filter((entry) => entry.frontmatter.kind === "article" && entry.slug !== "")
    .sort(byNavOrder);
}

export async function getNavigation(): Promise<{ href: string; label: string }[]> {
  return (await getEntries())
    .filter((entry) => entry.frontmatter.navOrder !== undefined)
    .sort(byNavOrder)
    .map((entry) => ({
      href: entry.href,
      label: entry.frontmatter.navLabel ?? entry.frontmatter.title,
    }));
}

export async function getAdjacentArticles(
  slug: string,
): Promise<{ previous?: Entry; next?: Entry }> {
  const articles = await getArticles();
  const index = articles.findIndex((entry) => entry.slug === slug);
  if (index === -1) return {};
  return { previous: articles[index - 1], next: articles[index + 1] };
}

function byNavOrder(a: Entry, b: Entry): number {
  const order = (a.frontmatter.navOrder ?? Infinity) - (b.frontmatter.navOrder ?? Infinity);
  return order || a.frontmatter.title.localeCompare(b.frontmatter.title);
}

/** Route params for every content page except the home page, for generateStaticParams. */
export async function getSlugParams(): Promise<{ slug: string }[]> {
  return (await getEntries())
    .filter((entry) => entry.slug !== "")
    .map((entry) => ({ slug: entry.slug }));
}
