import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { tidyMdast } from "./tidy-mdast";
import { TYPED_BULLET } from "./typed-bullets";

/*
 * Plain text pasted (from a text editor, a plain email, a PDF): blank lines
 * separate paragraphs, each line break stays a line break, and lines typed
 * as list items ("• ", "- ", "* ", "1. ", "2) ") become a real list instead
 * of running into one line. The words are text nodes, so whatever they hold
 * (< { # *) is escaped on the way out and stays words.
 */

/** A typed bullet glyph, or a dash or star and a space, then the item's text. */
const BULLET = new RegExp(`(?:${TYPED_BULLET.source}|^\\s*[-*–—]\\s+)(.*)$`);
const NUMBER = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function plainTextToMdast(text: string): Root {
  const children: RootContent[] = [];
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split("\n").filter((line) => line.trim() !== "");
    let paragraph: string[] = [];
    const endParagraph = () => {
      if (paragraph.length > 0) children.push(toParagraph(paragraph));
      paragraph = [];
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const number = bullet ? null : NUMBER.exec(line);
      const itemText = bullet?.[1] ?? number?.[1];
      if (itemText === undefined) {
        paragraph.push(line.trim());
        continue;
      }
      endParagraph();
      addItem(children, Boolean(number), itemText.trim());
    }
    endParagraph();
  }
  return tidyMdast({ type: "root", children });
}

function toParagraph(lines: string[]): Paragraph {
  const content: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: "break" });
    content.push({ type: "text", value: line });
  });
  return { type: "paragraph", children: content };
}

function addItem(children: RootContent[], ordered: boolean, text: string): void {
  const item: ListItem = {
    type: "listItem",
    spread: false,
    children: [{ type: "paragraph", children: [{ type: "text", value: text }] }],
  };
  const previous = children.at(-1);
  if (previous?.type === "list" && previous.ordered === ordered) {
    previous.children.push(item);
    return;
  }
  const list: List = { type: "list", ordered, spread: false, children: [item] };
  children.push(list);
}
