import type { MetadataRoute } from "next";
import { getEntries } from "@/lib/content/entries";
import { absoluteUrl } from "@/lib/site-url";

export default function sitemap(): MetadataRoute.Sitemap {
  const content = getEntries().map((entry) => ({
    url: absoluteUrl(entry.href),
    lastModified: entry.frontmatter.lastReviewed,
  }));
  return [...content, { url: absoluteUrl("/consultation") }];
}
