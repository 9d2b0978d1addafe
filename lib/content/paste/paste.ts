import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toMdast } from "hast-util-to-mdast";
import type { Root as MdastRoot, Nodes } from "mdast";
import { cleanHtml } from "./clean-html";
import { nothingDropped, type Dropped } from "./dropped";
import { plainTextToMdast } from "./plain-text";
import { tidyMdast } from "./tidy-mdast";
import { mdastToMdx } from "./to-markdown";
import { convertWordLists } from "./word-lists";

/*
 * Paste, as the page body's Markdown: clipboard HTML (Word, Google Docs, a
 * web page, an email) or plain text in, the text to insert and what was left
 * out. The pipeline is unified's: parse5 HTML → hast, Word's list paragraphs
 * made lists, the allowlist (clean-html.ts), hast → mdast, the site's shape
 * (tidy-mdast.ts), then mdast-util-to-markdown with the MDX extension, whose
 * escaping keeps pasted `<` and `{` text (they would otherwise start a
 * component or code). This file runs in the browser: no server imports.
 */

export interface PasteResult {
  /** Markdown for the page body: empty when nothing pastable was on the clipboard. */
  markdown: string;
  /**
   * Whether it holds more than paragraphs and line breaks (a heading, list,
   * table, quote, bold, italic or link). Code editors copy coloured text as
   * HTML too; in the source view, such a paste is left to be the text it is.
   */
  formatted: boolean;
  dropped: Dropped;
}

/** What to insert for a paste: the HTML when the clipboard has some, else its plain text. */
export function clipboardToMdx(data: { html?: string; text?: string }): PasteResult {
  if (data.html && data.html.trim()) {
    const result = htmlToMdx(data.html);
    if (result.markdown || !data.text) return result;
    return { ...result, markdown: plainTextToMdx(data.text) };
  }
  return { markdown: plainTextToMdx(data.text ?? ""), formatted: false, dropped: nothingDropped() };
}

export function htmlToMdx(html: string): PasteResult {
  const dropped = nothingDropped();
  const tree = htmlToMdast(html, dropped);
  return { markdown: mdastToMdx(tree), formatted: isFormatted(tree), dropped };
}

export function plainTextToMdx(text: string): string {
  return mdastToMdx(plainTextToMdast(text));
}

/** Clipboard HTML as the page's Markdown tree, counting in `dropped` what it leaves out. */
function htmlToMdast(html: string, dropped: Dropped = nothingDropped()): MdastRoot {
  const tree: Root = fromHtml(fragmentOf(html), { fragment: true });
  convertWordLists(tree);
  return tidyMdast(toMdast(cleanHtml(tree, dropped)) as MdastRoot);
}

const PLAIN = new Set(["root", "paragraph", "text", "break"]);

function isFormatted(node: Nodes): boolean {
  return !PLAIN.has(node.type) || ("children" in node && node.children.some(isFormatted));
}

/** Windows puts the copied part between StartFragment and EndFragment, after the document's head. */
function fragmentOf(html: string): string {
  const start = html.indexOf("<!--StartFragment-->");
  const end = html.indexOf("<!--EndFragment-->");
  if (start < 0 || end < start) return html;
  return html.slice(start + "<!--StartFragment-->".length, end);
}
