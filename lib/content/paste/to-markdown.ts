import type { Root } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { mdxToMarkdown } from "mdast-util-mdx";
import { toMarkdown, type Options } from "mdast-util-to-markdown";

/*
 * A pasted Markdown tree written as page text: in the form Prettier gives
 * the files in content/, with MDX's escaping, so a pasted < or { stays a
 * character and never starts a component or an expression.
 */

/** Written as Prettier writes the files in content/: - bullets, _italic_, **bold**, padded tables. */
export const PASTE_MARKDOWN_OPTIONS: Options = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  listItemIndent: "one",
  incrementListMarker: true,
  rule: "-",
  fences: true,
  extensions: [gfmToMarkdown({ stringLength: displayWidth }), mdxToMarkdown()],
  // A line starting "import " or "export " would be read as JavaScript (MDX's ESM): the first
  // letter is written as a character reference, &#x69;mport, which reads as the same word.
  unsafe: [
    { atBreak: true, character: "i", after: "mport " },
    { atBreak: true, character: "e", after: "xport " },
  ],
};

/**
 * How many columns text takes in a monospaced editor, as Prettier counts
 * when it pads a table: emoji and East Asian wide characters take two,
 * combining marks none.
 */
const EMOJI =
  /\p{Regional_Indicator}{2}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)[\u{1F3FB}-\u{1F3FF}]?(?:\u200d\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?)*/gu;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(EMOJI, "  ")) {
    if (/\p{Mn}|\p{Me}|[\u200b-\u200f\ufe00-\ufe0f]/u.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * The tree as Markdown. Its escaping is all the safety there is, and all
 * there needs to be: the property tests in tests/unit/content/ run the
 * site's page checks over what it writes for any clipboard. (This runs in
 * the browser, so it cannot load those checks, which sit beside server
 * code; they run again on the server before preview and publish.)
 */
export function mdastToMdx(tree: Root): string {
  if (tree.children.length === 0) return "";
  return toMarkdown(tree, PASTE_MARKDOWN_OPTIONS).trimEnd();
}
