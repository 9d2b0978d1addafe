/** Routes that are not content: a page with one of these addresses would hide or break them. */
export const RESERVED_SLUGS = new Set([
  "consultation",
  "staff",
  "sitemap",
  "robots",
  "api",
  "opengraph-image",
  "media",
]);

/** Why a page address cannot be used, or undefined when it can; files and new pages share it. */
export function slugProblem(slug: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
    return "must be lower-case words joined by hyphens, like new-topic (it becomes the address)";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is used by the site itself: choose another`;
  return undefined;
}
