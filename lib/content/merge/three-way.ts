import { diffIndices } from "node-diff3";

/*
 * A three-way merge of two edited copies of a list (the blocks of a page),
 * on node-diff3's longest-common-subsequence diff. Its own diff3 joins changes
 * that merely touch into one conflict, as line-based merges do; a page's
 * blocks are whole paragraphs, so here only changes to the same block, or two
 * additions at the same place, overlap: one person editing the second
 * paragraph and another the third combine on their own.
 */

export type MergeRegion<T> =
  { kind: "same"; items: T[] } | { kind: "conflict"; base: T[]; mine: T[]; theirs: T[] };

interface Hunk {
  side: "mine" | "theirs";
  /** The base items [start, end) this side replaced; start === end for an addition. */
  start: number;
  end: number;
  /** Where its replacement sits in that side's list. */
  sideStart: number;
  sideEnd: number;
}

function hunksOf<T>(base: T[], side: T[], name: Hunk["side"]): Hunk[] {
  return diffIndices(base, side).flatMap((d) => {
    const [start, length] = d.buffer1;
    const [sideStart, sideLength] = d.buffer2;
    // Neighbouring blocks each edited in place are separate changes: one person rewording
    // the first two paragraphs and another the second overlap on the second only.
    const pieces = length === sideLength ? length : 1;
    const step = pieces === 1 ? length : 1;
    const sideStep = pieces === 1 ? sideLength : 1;
    return Array.from({ length: Math.max(pieces, 1) }, (_, i) => ({
      side: name,
      start: start + i * step,
      end: start + i * step + step,
      sideStart: sideStart + i * sideStep,
      sideEnd: sideStart + i * sideStep + sideStep,
    }));
  });
}

/** Whether two changes, one from each side, touch the same base items or add at the same place. */
function overlap(a: Hunk, b: Hunk): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return b.start < a.start && a.start < b.end;
  if (bEmpty) return a.start < b.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/** The items of `side` that stand for base[start, end), given that side's changes inside it. */
function sideSpan<T>(side: T[], hunks: Hunk[], start: number, end: number): T[] {
  const first = hunks[0];
  const last = hunks.at(-1);
  if (!first || !last) return [];
  return side.slice(first.sideStart - (first.start - start), last.sideEnd + (end - last.end));
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The merge as regions in order: what both agree on (or only one side
 * changed) and what both changed differently. Items compare with ===.
 */
export function mergeLists<T>(base: T[], mine: T[], theirs: T[]): MergeRegion<T>[] {
  // Additions before replacements at the same place, so an addition lands before the item replaced.
  const hunks = [...hunksOf(base, mine, "mine"), ...hunksOf(base, theirs, "theirs")].sort(
    (a, b) => a.start - b.start || a.end - a.start - (b.end - b.start),
  );
  const regions: MergeRegion<T>[] = [];
  const same = (items: T[]) => {
    if (items.length === 0) return;
    const last = regions.at(-1);
    if (last?.kind === "same") last.items.push(...items);
    else regions.push({ kind: "same", items: [...items] });
  };
  let cursor = 0;
  let index = 0;
  while (index < hunks.length) {
    const group = [hunks[index++] as Hunk];
    // Pull in every later change that overlaps one from the other side already in the group.
    for (let grew = true; grew;) {
      grew = false;
      const next = hunks[index];
      if (next && group.some((h) => h.side !== next.side && overlap(h, next))) {
        group.push(next);
        index++;
        grew = true;
      }
    }
    const start = Math.min(...group.map((h) => h.start));
    const end = Math.max(...group.map((h) => h.end));
    same(base.slice(cursor, start));
    cursor = Math.max(cursor, end);
    const mineHunks = group.filter((h) => h.side === "mine");
    const theirHunks = group.filter((h) => h.side === "theirs");
    if (theirHunks.length === 0) same(sideSpan(mine, mineHunks, start, end));
    else if (mineHunks.length === 0) same(sideSpan(theirs, theirHunks, start, end));
    else {
      const mineItems = sideSpan(mine, mineHunks, start, end);
      const theirItems = sideSpan(theirs, theirHunks, start, end);
      // Both made the same change: nothing to choose.
      if (sameList(mineItems, theirItems)) same(mineItems);
      else
        regions.push({
          kind: "conflict",
          base: base.slice(start, end),
          mine: mineItems,
          theirs: theirItems,
        });
    }
  }
  same(base.slice(cursor));
  return regions;
}
