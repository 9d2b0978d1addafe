import type { Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/*
 * The visual editor writes Markdown through mdast-util-to-markdown, which
 * spells some things its own way (list markers, escapes, wrapping). So that
 * opening a page and saving it changes nothing, and an edit changes only the
 * blocks it touched (a small diff for history and merging), every top-level
 * block whose meaning is unchanged keeps the exact text it had. The browser
 * loads this file: it imports only the parser.
 */

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

interface Block {
  /** The block's syntax tree without positions: equal meaning, equal key. */
  key: string;
  /** The block's exact text. */
  text: string;
  /** The text between the previous block and this one ("" for the first). */
  gap: string;
}

/**
 * A syntax tree as text, leaving out where it sat and whether a list's items
 * have blank lines between them (`spread`: the editor writes every list
 * without), so two spellings of one thing compare equal.
 */
export function meaningKey(node: Root | RootContent): string {
  return JSON.stringify(node, (key, value: unknown) =>
    key === "position" || key === "spread" ? undefined : value,
  );
}

function blocks(text: string): Block[] | undefined {
  let tree: Root;
  try {
    tree = parser.parse(text) as Root;
  } catch {
    return undefined;
  }
  let end = 0;
  return tree.children.map((node) => {
    const start = node.position?.start.offset ?? end;
    const stop = node.position?.end.offset ?? start;
    const block = {
      key: meaningKey(node),
      text: text.slice(start, stop),
      gap: text.slice(end, start),
    };
    end = stop;
    return block;
  });
}

/** The meaning of each top-level block, in order; undefined when the text does not parse. */
export function blockKeys(text: string): string[] | undefined {
  return blocks(text)?.map((block) => block.key);
}

/**
 * `edited` with each top-level block that means the same as one of
 * `original`'s spelled exactly as `original` spells it. The whole of
 * `original` comes back when nothing changed.
 */
export function keepUnchangedBlocks(original: string, edited: string): string {
  const before = blocks(original);
  const after = blocks(edited);
  if (!before || !after) return edited;
  if (before.length === after.length && before.every((b, i) => b.key === after[i]?.key))
    return original;
  // Each original block can be reused once, first come first served, in page order.
  const unused = new Map<string, number[]>();
  before.forEach((block, index) => {
    const list = unused.get(block.key) ?? [];
    list.push(index);
    unused.set(block.key, list);
  });
  let previous = -2;
  const parts = after.map((block, index) => {
    const match = unused.get(block.key)?.shift();
    const gap = index === 0 ? "" : "\n\n";
    if (match === undefined) {
      previous = -2;
      return gap + block.text;
    }
    const kept = before[match];
    const ownGap = match === previous + 1 && index > 0 ? (kept?.gap ?? gap) : gap;
    previous = match;
    return ownGap + (kept?.text ?? block.text);
  });
  const tail = /\s*$/.exec(original)?.[0] ?? "";
  return `${parts.join("")}${tail}`;
}
