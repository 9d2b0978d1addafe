import "server-only";
import type { Kysely } from "kysely";
import { getSite } from "@/lib/content/site/site";
import { addCounts, type DayCount } from "@/lib/db/insights";
import type { Database } from "@/lib/db/types";
import { writeTransaction } from "@/lib/db/write-transaction";
import { drainTally, restoreTally } from "./tally";

/** A page the form may have been opened from, or that a view is stored for. */
export async function knownPages(): Promise<Set<string>> {
  const site = await getSite();
  const pages = site.entries.map((entry) => (entry.slug === "" ? "/" : `/${entry.slug}`));
  return new Set([...pages, "/consultation"]);
}

/**
 * Writes the counts held in memory (lib/insights/tally.ts) to the database:
 * once a minute from the background jobs, and before the insights page reads
 * them. Views of addresses that are not published pages (a mistyped link, a
 * scanner trying paths) are dropped here rather than stored.
 */
export async function flushInsights(
  db: Kysely<Database>,
  known: () => Promise<Set<string>> = knownPages,
): Promise<Record<string, number>> {
  const taken = drainTally();
  if (taken.views.size === 0 && taken.referrers.size === 0) return { views: 0, referrers: 0 };
  try {
    const pages = await known();
    const views = rows(taken.views).filter((row) => pages.has(row.key));
    const referrers = rows(taken.referrers);
    // One transaction: a failed flush wrote nothing, so putting the counts back adds none twice.
    await writeTransaction(db, async (trx) => {
      await addCounts(trx, "views", views);
      await addCounts(trx, "referrers", referrers);
    });
    return { views: views.length, referrers: referrers.length };
  } catch (error) {
    // Kept for the next flush.
    restoreTally(taken);
    throw error;
  }
}

function rows(map: Map<string, number>): DayCount[] {
  return [...map].map(([dayKey, count]) => {
    const cut = dayKey.indexOf(" ");
    return { day: dayKey.slice(0, cut), key: dayKey.slice(cut + 1), count };
  });
}

/**
 * The page a consultation form was opened from, as sent in its hidden field:
 * a published page's path, or "unknown" for anything else, so a made-up value
 * never becomes a row of its own.
 */
export function requestPage(given: unknown, known: Set<string>): string {
  return typeof given === "string" && known.has(given) ? given : "unknown";
}

export async function countRequestPage(db: Kysely<Database>, page: string, now: Date) {
  await addCounts(db, "requestPages", [
    { day: now.toISOString().slice(0, 10), key: page, count: 1 },
  ]);
}
