/*
 * The page <title> as search results show it. Next.js adds the clinic's short
 * name through the template; content:check measures the same string, so its
 * warning and the real title cannot disagree.
 */
export const TITLE_MAX = 70;

export function titleTemplate(shortName: string): string {
  return `%s | ${shortName}`;
}

/** The title before the template: the optional shorter seoTitle, else the page heading. */
export function pageTitle(frontmatter: { title: string; seoTitle?: string }): string {
  return frontmatter.seoTitle ?? frontmatter.title;
}

/** The whole <title>; the home page (slug "") shows its title alone. */
export function fullTitle(
  frontmatter: { title: string; seoTitle?: string },
  slug: string,
  shortName: string,
): string {
  const title = pageTitle(frontmatter);
  return slug === "" ? title : titleTemplate(shortName).replace("%s", title);
}
