import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Dropped } from "./dropped";
import { classesOf, isHidden, styleIsItalic, styleOf, weightIsBold } from "./inline-style";

/*
 * The allowlist. Whatever was copied (Word, Google Docs, a web page, an
 * email) comes out as headings, paragraphs, lists, tables, quotes, bold,
 * italic, links and line breaks, with no attribute but a link's address and a
 * cell's span. Everything else is unwrapped to its text (spans, fonts,
 * colours, classes, Word's <o:p> and smart tags) or left out and counted
 * (images, embeds, comments, deleted text), so the result can only ever
 * become plain Markdown.
 */

const KEEP = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "blockquote",
  "br",
]);

/** Containers whose content stays, as a plain block. */
const BLOCKS = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "center",
  "address",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "details",
  "summary",
  "fieldset",
  "form",
  "body",
  "html",
]);

/** Not content at all: dropped with everything inside. */
const IGNORE = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "xml",
  "button",
  "select",
  "option",
  "input",
  "textarea",
  "map",
  "area",
  "canvas",
  "colgroup",
  "col",
  "hr",
  "wbr",
  "math",
]);

const IMAGES = new Set(["img", "svg", "picture", "image"]);
const EMBEDS = new Set(["iframe", "video", "audio", "object", "embed", "frame", "frameset"]);
const LIST_CONTAINERS = new Set(["ul", "ol"]);
const BLOCK_CHILDREN = new Set([...KEEP, ...BLOCKS, "pre"].filter((name) => name !== "br"));

/** Links a page may keep: web pages, email addresses and this site's own pages. */
export function isPastableHref(href: string): boolean {
  return /^(https?:\/\/\S|mailto:\S)/i.test(href) || /^\/(?!\/)/.test(href);
}

const element = (
  tagName: string,
  children: ElementContent[],
  properties: Element["properties"] = {},
): Element => ({ type: "element", tagName, properties, children });

export function cleanHtml(tree: Root, dropped: Dropped): Root {
  const children = cleanChildren(tree.children, dropped, false);
  return { type: "root", children: children as RootContent[] };
}

function cleanChildren(
  nodes: readonly (RootContent | ElementContent)[],
  dropped: Dropped,
  inPre: boolean,
): ElementContent[] {
  return nodes.flatMap((node) => cleanNode(node, dropped, inPre));
}

function cleanNode(
  node: RootContent | ElementContent,
  dropped: Dropped,
  inPre: boolean,
): ElementContent[] {
  if (node.type === "text") return cleanText(node.value, inPre);
  if (node.type !== "element") return [];
  const name = node.tagName.toLowerCase();
  const style = styleOf(node);
  const classes = classesOf(node).map((c) => c.toLowerCase());

  if (isWordComment(style, classes)) {
    dropped.comments += countCommentBodies(node);
    return [];
  }
  if (name === "del") {
    dropped.deletions += 1;
    return [];
  }
  if (IGNORE.has(name) || /^(w|m|v|o):(?!p$)/.test(name)) return [];
  if (isHidden(node, style) || style.get("mso-list") === "ignore") return [];
  if (IMAGES.has(name)) {
    if (!isDecorative(node)) dropped.images += 1;
    return [];
  }
  if (EMBEDS.has(name)) {
    dropped.embeds += 1;
    return [];
  }

  const pre = inPre || name === "pre";
  const children = cleanChildren(node.children, dropped, pre);

  if (name === "a") return link(node, children, dropped);
  if (name === "b" || name === "strong") {
    return weightIsBold(style.get("font-weight")) === false
      ? children
      : emphasis("strong", children);
  }
  if (name === "i" || name === "em") {
    return styleIsItalic(style.get("font-style")) === false ? children : emphasis("em", children);
  }
  if (name === "pre") return [element("p", children)];
  if (name === "caption") return [element("caption", children)];
  if (LIST_CONTAINERS.has(name)) return [element(name, nestLists(children))];
  if (name === "table") return table(children);
  if (name === "th" || name === "td") return [element(name, styled(style, children), spans(node))];
  const outline = Number(style.get("mso-outline-level"));
  if (name === "p" && outline >= 1 && outline <= 6) {
    // Word's "Heading" paragraph styles copy as <p style="mso-outline-level:2">.
    return [element(`h${outline}`, children)];
  }
  if (KEEP.has(name)) {
    const inline = /^(p|h[1-6]|li)$/.test(name) ? styled(style, children) : children;
    return [element(name, inline)];
  }
  if (BLOCKS.has(name)) return [element("div", children)];
  // Any other element (span, font, u, sup, Word's <o:p> and smart tags): its text, with the
  // bold or italic its style gave it.
  return styled(style, children);
}

/** Checkbox icons (Google Docs checklists), spacers and tracking pixels are not pictures anyone misses. */
function isDecorative(node: Element): boolean {
  const { ariaHidden, role, ariaRoleDescription, width, height } = node.properties;
  const roles = [role, ariaRoleDescription].flat().map(String);
  return (
    String(ariaHidden) === "true" ||
    roles.some((r) => r === "presentation" || r === "none" || r === "checkbox") ||
    Number.parseFloat(String(width)) <= 2 ||
    Number.parseFloat(String(height)) <= 2
  );
}

function cleanText(value: string, inPre: boolean): ElementContent[] {
  // No-break spaces pad Word's and Google Docs' text; zero-width characters and direction marks
  // (Windows Mail puts one around each word of a date) are invisible noise.
  const text = value
    .replace(/\u00a0/g, " ")
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "");
  if (!inPre) return text ? [{ type: "text", value: text }] : [];
  const lines = text.split(/\r?\n/);
  return lines.flatMap((line, index): ElementContent[] => [
    ...(index > 0 ? [element("br", [])] : []),
    ...(line ? [{ type: "text" as const, value: line }] : []),
  ]);
}

function isWordComment(style: Map<string, string>, classes: string[]): boolean {
  const part = style.get("mso-element");
  return (
    part === "comment-list" ||
    part === "comment" ||
    style.has("mso-comment-reference") ||
    style.get("mso-special-character") === "comment" ||
    classes.some((c) => /^(msocommentreference|msocomanchor|msocomoff|msocomtxt)$/.test(c))
  );
}

/** Word's comment list holds one `mso-element:comment` block per comment. */
function countCommentBodies(node: Element): number {
  const own = styleOf(node).get("mso-element") === "comment" ? 1 : 0;
  return node.children.reduce(
    (sum, child) => sum + (child.type === "element" ? countCommentBodies(child) : 0),
    own,
  );
}

function link(node: Element, children: ElementContent[], dropped: Dropped): ElementContent[] {
  const href = typeof node.properties.href === "string" ? node.properties.href.trim() : "";
  if (!href) return children;
  if (isPastableHref(href) && hasText(children)) return [element("a", children, { href })];
  // A link inside the copied document (#section) means nothing on the page: its words stay.
  if (!href.startsWith("#")) dropped.links += 1;
  return children;
}

/** Bold or italic around inline content; around blocks (a page wrapped in <b>) it is left off. */
function emphasis(tagName: "strong" | "em", children: ElementContent[]): ElementContent[] {
  if (!hasText(children) || children.some(isBlock)) return children;
  return [element(tagName, children)];
}

function styled(style: Map<string, string>, children: ElementContent[]): ElementContent[] {
  let result = children;
  if (styleIsItalic(style.get("font-style"))) result = emphasis("em", result);
  if (weightIsBold(style.get("font-weight"))) result = emphasis("strong", result);
  return result;
}

function isBlock(node: ElementContent): boolean {
  return node.type === "element" && BLOCK_CHILDREN.has(node.tagName);
}

function hasText(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) =>
    node.type === "text"
      ? node.value.trim() !== ""
      : node.type === "element" && hasText(node.children),
  );
}

function spans(node: Element): Element["properties"] {
  const properties: Element["properties"] = {};
  const colSpan = Number(node.properties.colSpan);
  const rowSpan = Number(node.properties.rowSpan);
  if (colSpan > 1) properties.colSpan = colSpan;
  if (rowSpan > 1) properties.rowSpan = rowSpan;
  return properties;
}

/**
 * Word and Google Docs put a nested list straight inside its parent list
 * (<ol><li>a</li><ol>…</ol></ol>); it belongs inside the item before it.
 */
function nestLists(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    if (child.type === "element" && LIST_CONTAINERS.has(child.tagName)) {
      const previous = out.at(-1);
      if (previous?.type === "element" && previous.tagName === "li") previous.children.push(child);
      else out.push(element("li", [child]));
      continue;
    }
    out.push(child);
  }
  return out;
}

function rowsOf(nodes: readonly ElementContent[]): Element[] {
  return nodes.flatMap((node) => {
    if (node.type !== "element") return [];
    if (node.tagName === "tr") return [node];
    return /^(thead|tbody|tfoot)$/.test(node.tagName) ? rowsOf(node.children) : [];
  });
}

const cellsOf = (row: Element) =>
  row.children.filter(
    (cell): cell is Element => cell.type === "element" && /^t[hd]$/.test(cell.tagName),
  );

/**
 * A one-column table is layout (emails are built of them), not data: its
 * content comes out as blocks. A data table without a header row gets its
 * first row as the header, which a Markdown table must have.
 */
function table(children: ElementContent[]): ElementContent[] {
  const captions = children.flatMap((child) =>
    child.type === "element" && child.tagName === "caption" ? [element("p", child.children)] : [],
  );
  const rows = rowsOf(children);
  if (rows.every((row) => cellsOf(row).length <= 1)) {
    const cells = rows.flatMap((row) => cellsOf(row).map((cell) => element("div", cell.children)));
    return [...captions, ...cells];
  }
  const first = rows[0];
  const hasHeader = rows.some((row) => cellsOf(row).some((cell) => cell.tagName === "th"));
  if (first && !hasHeader) for (const cell of cellsOf(first)) cell.tagName = "th";
  return [...captions, element("table", [element("tbody", rows)])];
}
