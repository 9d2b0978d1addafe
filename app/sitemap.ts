import type { MetadataRoute } from "next";
import { getEntries } from "@/lib/content/site/entries";
import { absoluteUrl } from "@/lib/site-url";

export const revalidate = 60;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const content = (await getEntries()).map((entry) => ({
    url: absoluteUrl(entry.href),
    lastModified: entry.frontmatter.lastReviewed,
  }));
  return [...content, { url: absoluteUrl("/consultation") }];
}
