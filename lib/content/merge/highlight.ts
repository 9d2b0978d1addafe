import { diffWords, diffWordsWithSpace } from "diff";
import type { Emphasis, Nodes, Parent, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import { parseMdx } from "@/lib/content/mdx/mdx-safety";

/*
 * A block of page text as a syntax tree the site's one renderer shows, with
 * the words it changed from another version marked: added words as <ins>,
 * removed words put back as <del>, each with a hidden "added:"/"removed:"
 * for screen readers (and underlined or struck through, never colour alone).
 * The marks ride on emphasis nodes renamed through `data.hName`, which the
 * renderer turns into plain elements: no new component, nothing the checks
 * do not already allow.
 */

export type WordChange = { kind: "same" | "added" | "removed"; text: string };

/** Words changed from `from` to `to`, spaces included, for text shown as text (a title, a field). */
export function wordChanges(from: string, to: string): WordChange[] {
  // diffWords keeps "or write" one change where diffWordsWithSpace cuts it at the space; it
  // may tidy whitespace, though, and the marks need the new text exactly, so then the strict one.
  let parts = diffWords(from, to);
  const rebuilt = (side: "added" | "removed") =>
    parts
      .filter((part) => !part[side === "added" ? "removed" : "added"])
      .map((part) => part.value)
      .join("");
  if (rebuilt("added") !== to || rebuilt("removed") !== from) parts = diffWordsWithSpace(from, to);
  return parts.map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

function textNodes(tree: Root): Text[] {
  const found: Text[] = [];
  visit(tree, "text", (node) => {
    found.push(node);
  });
  return found;
}

function mark(kind: "added" | "removed", text: string): Emphasis {
  const label: Emphasis = {
    type: "emphasis",
    data: { hName: "span", hProperties: { className: ["sr-only"] } },
    children: [{ type: "text", value: kind === "added" ? "added: " : "removed: " }],
  };
  return {
    type: "emphasis",
    data: { hName: kind === "added" ? "ins" : "del" },
    children: [label, { type: "text", value: text }],
  };
}

/** The tree of `to`, its words changed since `from` marked. Throws if `to` does not parse. */
export function markChanges(from: string, to: string): Root {
  const tree = parseMdx(to);
  const texts = textNodes(tree);
  let fromText = from;
  try {
    fromText = textNodes(parseMdx(from))
      .map((t) => t.value)
      .join("\n");
  } catch {
    // An older text that does not parse is compared as it is written.
  }
  // The text nodes joined by a newline each, so words of two paragraphs never run together.
  const toText = texts.map((t) => t.value).join("\n");
  const added = new Array<boolean>(toText.length).fill(false);
  const removedAt = new Map<number, string[]>();
  let position = 0;
  for (const change of wordChanges(fromText, toText)) {
    if (change.kind === "removed") {
      removedAt.set(position, [...(removedAt.get(position) ?? []), change.text]);
      continue;
    }
    if (change.kind === "added") added.fill(true, position, position + change.text.length);
    position += change.text.length;
  }

  const replacements = new Map<Text, Nodes[]>();
  let start = 0;
  for (const node of texts) {
    const end = start + node.value.length;
    const out: Nodes[] = [];
    let run = "";
    let runAdded = false;
    const flush = () => {
      if (run) out.push(runAdded ? mark("added", run) : { type: "text", value: run });
      run = "";
    };
    for (let at = start; at <= end; at++) {
      // Removed words go back where they were (at a node's end: its separator, before the next node).
      const removed = removedAt.get(at);
      if (removed) {
        flush();
        for (const text of removed) out.push(mark("removed", text.replace(/\n/g, " ")));
        removedAt.delete(at);
      }
      if (at === end) break;
      if (added[at] !== runAdded) {
        flush();
        runAdded = added[at] ?? false;
      }
      run += toText[at];
    }
    flush();
    replacements.set(node, out);
    start = end + 1;
  }
  visit(tree, (node) => {
    if (!("children" in node)) return;
    const parent = node as Parent;
    if (!parent.children.some((child) => replacements.has(child as Text))) return;
    parent.children = parent.children.flatMap(
      (child) => (replacements.get(child as Text) ?? [child]) as typeof parent.children,
    );
  });
  // Words removed where the new text has no text at all (a block emptied) still show.
  const left = [...removedAt.values()].flat();
  if (left.length > 0)
    tree.children.push({
      type: "paragraph",
      children: left.map((text) => mark("removed", text.replace(/\n/g, " "))),
    });
  return tree;
}
