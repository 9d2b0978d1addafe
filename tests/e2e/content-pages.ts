import { checkContent } from "@/lib/content/checks/check-content";
import { fullTitle } from "@/lib/seo/title";
import { loadClinic } from "@/lib/content/files/clinic-file";

/* What the journeys expect to find, read from content/ the same way the build does. */
const report = checkContent();

export const publishedPages = report.entries
  .filter((entry) => !entry.frontmatter.draft)
  .map((entry) => ({
    path: entry.href,
    title: entry.frontmatter.title,
    fullTitle: fullTitle(entry.frontmatter, entry.slug, loadClinic().shortName),
    sources: entry.frontmatter.sources ?? [],
  }));

export const draftPaths = report.entries
  .filter((entry) => entry.frontmatter.draft)
  .map((e) => e.href);

export const navigation = report.entries
  .filter((entry) => !entry.frontmatter.draft && entry.frontmatter.navOrder !== undefined)
  .sort((a, b) => (a.frontmatter.navOrder ?? 0) - (b.frontmatter.navOrder ?? 0))
  .map((entry) => ({
    path: entry.href,
    label: entry.frontmatter.navLabel ?? entry.frontmatter.title,
  }));

/** Every public page, content and app routes alike, for checks that apply everywhere. */
export const allPublicPaths = [...publishedPages.map((page) => page.path), "/consultation"];
