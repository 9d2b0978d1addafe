import { parseMdx } from "@/lib/content/mdx/mdx-safety";

/*
 * A page body as the list a merge works on: its top-level blocks (headings,
 * paragraphs, lists, tables, components) exactly as typed, byte for byte, cut
 * where the site's own parser says each begins and ends, and what separates
 * them (a blank line, almost always).
 */
export interface BodyBlocks {
  /** Whatever comes before the first block (usually nothing, or a newline). */
  lead: string;
  blocks: string[];
  /** separators[i] follows blocks[i]; the last one is the text's ending. */
  separators: string[];
}

export function splitBlocks(body: string): BodyBlocks {
  const cuts = blockOffsets(body);
  const first = cuts[0];
  if (!first) return { lead: body, blocks: [], separators: [] };
  return {
    lead: body.slice(0, first.start),
    blocks: cuts.map((cut) => body.slice(cut.start, cut.end)),
    separators: cuts.map((cut, i) => body.slice(cut.end, cuts[i + 1]?.start ?? body.length)),
  };
}

/** Where each top-level block starts and ends; paragraphs by blank lines if the text does not parse. */
function blockOffsets(body: string): { start: number; end: number }[] {
  try {
    const cuts = parseMdx(body).children.flatMap((node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start === undefined || end === undefined ? [] : [{ start, end }];
    });
    // Every block must be where the parser said, in order, or the cut would lose text.
    if (cuts.every((cut, i) => cut.start >= (cuts[i - 1]?.end ?? 0) && cut.end >= cut.start))
      return cuts;
  } catch {
    // A text that does not parse (only ever an old one) still merges, by paragraphs.
  }
  const cuts: { start: number; end: number }[] = [];
  const paragraph = /\S(?:[\s\S]*?\S)?(?=\s*\n\s*\n|\s*$)/g;
  for (const match of body.matchAll(paragraph))
    cuts.push({ start: match.index, end: match.index + match[0].length });
  return cuts;
}

/**
 * The merged blocks back into one text. Each pair of neighbouring blocks is
 * separated as a side that has them next to each other does, preferring a
 * side that changed that separator; a pair no side has gets a blank line.
 */
export function joinBlocks(
  blocks: string[],
  lead: string,
  sides: { base: BodyBlocks; mine: BodyBlocks; theirs: BodyBlocks },
): string {
  const gaps = (side: BodyBlocks) => {
    const map = new Map<string, string>();
    side.blocks.forEach((block, i) => {
      const key = `${block}\u0000${side.blocks[i + 1] ?? "\u0001end"}`;
      if (!map.has(key)) map.set(key, side.separators[i] ?? "");
    });
    return map;
  };
  const base = gaps(sides.base);
  const mine = gaps(sides.mine);
  const theirs = gaps(sides.theirs);
  const gapAfter = (i: number) => {
    const key = `${blocks[i]}\u0000${blocks[i + 1] ?? "\u0001end"}`;
    const o = base.get(key);
    const a = mine.get(key);
    const b = theirs.get(key);
    if (a !== undefined && a !== o) return a;
    if (b !== undefined && b !== o) return b;
    return a ?? b ?? o ?? (i + 1 < blocks.length ? "\n\n" : endingOf(sides));
  };
  return lead + blocks.map((block, i) => block + gapAfter(i)).join("");
}

/** How a text ends when its last block is new: as the typed text ends. */
function endingOf(sides: { mine: BodyBlocks; theirs: BodyBlocks }): string {
  return sides.mine.separators.at(-1) ?? sides.theirs.separators.at(-1) ?? "\n";
}
