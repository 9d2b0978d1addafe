import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";

/*
 * Bullets typed as characters ("• Rest", "◦ Ice") are a list the writer
 * could not make: in Markdown they run into one paragraph, and the site's
 * checks warn about them (lib/content/checks/slips.ts). Paste makes them the
 * list they were meant to be.
 */

/** The glyphs slips.ts warns about, and the filled and hollow squares. */
export const TYPED_BULLET = /^\s*[•◦▪▫●○·‣⁃■□]\s*/;

/**
 * A paragraph whose lines (split at its line breaks) start with a typed
 * bullet: those lines become a bulleted list, the others stay paragraphs.
 */
export function splitTypedBullets(paragraph: Paragraph): RootContent[] {
  const lines = linesOf(hoistBreaks(paragraph.children));
  if (!lines.some(startsWithBullet)) return [paragraph];
  const out: RootContent[] = [];
  for (const line of lines) {
    if (!startsWithBullet(line)) {
      const previous = out.at(-1);
      if (previous?.type === "paragraph") previous.children.push({ type: "break" }, ...line);
      else out.push({ type: "paragraph", children: line });
      continue;
    }
    stripBullet(line);
    if (toString({ type: "paragraph", children: line }).trim() === "") continue;
    const item: ListItem = {
      type: "listItem",
      spread: false,
      children: [{ type: "paragraph", children: line }],
    };
    const previous = out.at(-1);
    if (previous?.type === "list") previous.children.push(item);
    else out.push({ type: "list", ordered: false, spread: false, children: [item] } satisfies List);
  }
  return out;
}

/**
 * The same phrasing with every line break at the top: bold, a link or any
 * other inline holding a break is cut in two around it (`<a>Rest<br>◦ Ice</a>`
 * is two links on two lines), so a line is a line however deep its break sat.
 */
function hoistBreaks(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((node): PhrasingContent[] => {
    if (!("children" in node)) return [node];
    const inner = hoistBreaks(node.children as PhrasingContent[]);
    if (!inner.some((child) => child.type === "break"))
      return [{ ...node, children: inner } as PhrasingContent];
    const out: PhrasingContent[] = [];
    linesOf(inner, { keepEmpty: true }).forEach((line, index) => {
      if (index > 0) out.push({ type: "break" });
      if (line.length > 0) out.push({ ...node, children: line } as PhrasingContent);
    });
    return out;
  });
}

function linesOf(
  children: PhrasingContent[],
  options: { keepEmpty?: boolean } = {},
): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of children) {
    if (node.type === "break") lines.push([]);
    else lines.at(-1)!.push(node);
  }
  return options.keepEmpty ? lines : lines.filter((line) => line.length > 0);
}

const startsWithBullet = (line: PhrasingContent[]) =>
  TYPED_BULLET.test(toString({ type: "paragraph", children: line }));

/** Removes the bullet from the line's first text, however deep in bold or a link it sits. */
function stripBullet(line: PhrasingContent[]): void {
  let node: PhrasingContent | undefined = line[0];
  while (node && node.type !== "text" && "children" in node) node = node.children[0];
  if (node?.type === "text") node.value = node.value.replace(TYPED_BULLET, "");
}
