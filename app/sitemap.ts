import type { MetadataRoute } from "next";
import { getEntries } from "@/lib/content/entries";
import { currentSite } from "@/lib/content/site";
import { absoluteUrl } from "@/lib/site-url";

export const revalidate = 60;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await currentSite();
  const content = getEntries().map((entry) => ({
    url: absoluteUrl(entry.href),
    lastModified: entry.frontmatter.lastReviewed,
  }));
  return [...content, { url: absoluteUrl("/consultation") }];
}
