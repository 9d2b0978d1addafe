/*
 * What a page address may be. Content pages answer at /<slug>, beside the
 * app's own routes: a page named like a route would hide it or never be
 * reached. tests/unit/content/reserved-slugs.test.ts reads app/ and fails
 * when a route or metadata file there is missing from APP_ROUTE_NAMES.
 */

/** Every first path segment the app answers itself: folders and metadata files of app/. */
export const APP_ROUTE_NAMES = [
  "apple-icon",
  "consultation",
  "favicon",
  "healthz",
  "icon",
  "manifest",
  "media",
  "opengraph-image",
  "review",
  "robots",
  "sitemap",
  "staff",
  "views",
] as const;

/*
 * Names that are not in app/ but are still not free: "index" is how staff
 * URLs name the home page, "api" is kept for a future API, and Next.js
 * answers its own error pages at /404 and /500, and metadata at twitter-image.
 */
const OTHER_RESERVED = ["index", "api", "404", "500", "twitter-image"] as const;

export const RESERVED_SLUGS: ReadonlySet<string> = new Set([...APP_ROUTE_NAMES, ...OTHER_RESERVED]);

/** Why a page address cannot be used, or undefined when it can; files, new pages and every publish share it. */
export function slugProblem(slug: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
    return "must be lower-case words joined by hyphens, like new-topic (it becomes the address)";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is used by the site itself: choose another`;
  return undefined;
}

/**
 * The same rule for a page that may already exist: the home page's address
 * is "" and exists only as content/index.mdx; every other page, old or new,
 * must have an address a new page could have.
 */
export function storedSlugProblem(slug: string): string | undefined {
  return slug === "" ? undefined : slugProblem(slug);
}
