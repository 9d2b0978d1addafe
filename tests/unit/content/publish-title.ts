import type { Kysely } from "kysely";
import { expect } from "vitest";
import type { Database } from "@/lib/db/types";

/**
 * Publishes a new title over the page `slug`, on top of its newest revision,
 * as staff on another tab or server would. Imported when called: the suites
 * of a site in a temporary folder load the database modules inside the tests.
 */
export async function publishTitle(
  db: Kysely<Database>,
  slug: string,
  title: string,
  now = new Date(),
): Promise<void> {
  const { addPageRevision, latestPageRevision } = await import("@/lib/db/content-revisions");
  const parent = await latestPageRevision(db, slug);
  const result = await addPageRevision(db, {
    slug,
    author: "Sam",
    note: null,
    action: "publish",
    frontmatter: { title, description: "A page.", lastReviewed: "2026-11-01" },
    body: "Text.",
    baseHash: null,
    parentId: parent?.id ?? 0,
    now,
  });
  expect(result.ok).toBe(true);
}
