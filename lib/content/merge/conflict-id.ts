import "server-only";
import { createHash } from "node:crypto";

/*
 * Names for the conflicts of one merge, taken from what they hold (where, and
 * the three versions), so a choice posted back still fits the same conflict
 * after unrelated edits elsewhere and no longer fits one whose text changed.
 * Two identical conflicts in one merge get -1, -2… (readMergeChoices in
 * lib/staff/page-merge.ts accepts exactly these names).
 */
export function conflictNamer(): (place: unknown, texts: readonly string[]) => string {
  const seen = new Map<string, number>();
  return (place, texts) => {
    const hash = createHash("sha256")
      .update(JSON.stringify([place, ...texts]))
      .digest("hex")
      .slice(0, 16);
    const repeat = seen.get(hash) ?? 0;
    seen.set(hash, repeat + 1);
    return repeat ? `${hash}-${repeat}` : hash;
  };
}
