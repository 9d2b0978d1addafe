import type { Metadata } from "next";

/* Staff pages are never indexed; next.config.ts also sends X-Robots-Tag for non-HTML responses. */
export function staffMetadata(title: string): Metadata {
  return { title, robots: { index: false, follow: false } };
}
