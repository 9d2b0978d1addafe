import type {
  Heading,
  List,
  ListItem,
  Nodes,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
} from "mdast";
import { toString } from "mdast-util-to-string";
import { splitTypedBullets } from "./typed-bullets";

/*
 * The Markdown tree from a paste, put in the shape the site's pages have:
 * headings from ## to #### (the page's title is its only # heading), lists are
 * tight and one list is one list, tables hold one line per cell, and nothing
 * empty is left behind (Word pads documents with empty paragraphs, Google
 * Docs with line breaks between them).
 */

type Node = RootContent;

export function tidyMdast(tree: Root): Root {
  tree.children = flow(tidyChildren(tree, tree.children)) as Root["children"];
  shiftHeadings(tree);
  return tree;
}

function tidyChildren(parent: Parents, children: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const child of children) {
    for (const node of tidyNode(parent, child)) {
      const previous = out.at(-1);
      // Word for the web and Google Docs copy one list as several lists side by side.
      if (node.type === "list" && previous?.type === "list" && previous.ordered === node.ordered) {
        previous.children.push(...node.children);
        continue;
      }
      out.push(node);
    }
  }
  return out;
}

function tidyNode(parent: Parents, node: Node): Node[] {
  switch (node.type) {
    case "text":
      return node.value ? [node] : [];
    case "break":
      // A line break inside a table cell would end the row.
      return parent.type === "tableCell" ? [{ type: "text", value: " " }] : [node];
    case "strong":
      // Headings are bold already; ** inside one is noise.
      if (parent.type === "heading") return tidyChildren(node, node.children);
      return withChildren(node);
    case "emphasis":
    case "link":
      return withChildren(node);
    case "tableCell":
      // A cell or row copied without its table is a paragraph.
      if (parent.type !== "tableRow")
        return tidyNode(parent, { type: "paragraph", children: node.children });
      node.children = trimBreaks(phrasing(tidyChildren(node, node.children) as PhrasingContent[]));
      return [node];
    case "paragraph":
      node.children = trimBreaks(phrasing(tidyChildren(node, node.children) as PhrasingContent[]));
      return hasText(node) ? splitTypedBullets(node) : [];
    case "heading":
      node.children = trimBreaks(phrasing(tidyChildren(node, node.children) as PhrasingContent[]));
      return hasText(node) ? [node] : [];
    case "list":
      node.children = items(tidyChildren(node, node.children));
      return node.children.length > 0 ? [spread(node)] : [];
    case "tableRow":
      if (parent.type !== "table") return node.children.flatMap((cell) => tidyNode(parent, cell));
      node.children = tidyChildren(node, node.children) as typeof node.children;
      return hasText(node) ? [node] : [];
    case "listItem":
      if (parent.type !== "list") return tidyChildren(parent, node.children);
    // falls through
    case "blockquote":
      if (node.type === "listItem") node.checked = null;
      node.children = flow(tidyChildren(node, node.children)) as typeof node.children;
      return hasText(node) ? [node] : [];
    case "table":
      node.children = tidyChildren(node, node.children) as typeof node.children;
      return hasText(node) ? [node] : [];
    case "inlineCode":
      return [{ type: "text", value: node.value }];
    case "code":
      return [{ type: "paragraph", children: [{ type: "text", value: node.value }] }];
    case "delete":
      return tidyChildren(parent, node.children);
    default:
      // Images, raw HTML, rules, footnotes: the allowlist before this lets none through.
      return [];
  }
}

const PHRASING = new Set(["text", "strong", "emphasis", "link", "break"]);

/**
 * Words straight inside a list item or quote go in a paragraph: Markdown's
 * escaping (of [, !, < and the like) applies to paragraphs, and text
 * outside one would be written out raw.
 */
function flow(children: Node[]): Node[] {
  const out: Node[] = [];
  const wrapped = new WeakSet<Node>();
  for (const node of children) {
    if (!PHRASING.has(node.type)) {
      out.push(node);
      continue;
    }
    const previous = out.at(-1);
    if (previous?.type === "paragraph" && wrapped.has(previous)) {
      previous.children.push(node as PhrasingContent);
    } else {
      const paragraph: Node = { type: "paragraph", children: [node as PhrasingContent] };
      wrapped.add(paragraph);
      out.push(paragraph);
    }
  }
  return out.flatMap((node) => {
    if (node.type !== "paragraph" || !wrapped.has(node)) return [node];
    node.children = trimBreaks(phrasing(node.children));
    return hasText(node) ? splitTypedBullets(node) : [];
  });
}

function withChildren<T extends Extract<Node, { children: unknown }>>(node: T): Node[] {
  node.children = tidyChildren(node as Parents, node.children as Node[]) as T["children"];
  return hasText(node) ? [node] : [];
}

type Marked = Extract<PhrasingContent, { type: "strong" | "emphasis" | "link" }>;
const isMarked = (node: PhrasingContent | undefined): node is Marked =>
  node?.type === "strong" || node?.type === "emphasis" || node?.type === "link";

/**
 * Google Docs styles each run of text on its own, so "bold " and "bold
 * italic" arrive as two bold runs with the space inside the first. Spaces
 * move outside the marks and touching runs of the same mark join, so the
 * text reads **bold _bold italic_** rather than **bold&#x20;****_…_**.
 */
function phrasing(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const pushText = (value: string) => {
    const previous = out.at(-1);
    if (previous?.type === "text") previous.value += value;
    else if (value) out.push({ type: "text", value });
  };
  for (const node of children) {
    if (node.type === "text") {
      pushText(node.value);
      continue;
    }
    if (!isMarked(node)) {
      out.push(node);
      continue;
    }
    node.children = phrasing(node.children);
    let gap = takeSpace(node, "start");
    const trail = takeSpace(node, "end");
    const last = out.at(-1);
    if (last?.type === "text" && last.value.trim() === "" && out.at(-2)?.type === node.type) {
      gap = last.value + gap;
      out.pop();
    }
    const previous = out.at(-1);
    if (node.type !== "link" && previous?.type === node.type) {
      const joined = [...previous.children, { type: "text", value: gap }, ...node.children];
      previous.children = phrasing(joined as PhrasingContent[]) as typeof previous.children;
    } else {
      pushText(gap);
      out.push(node);
    }
    pushText(trail);
  }
  return out;
}

/** Removes the whitespace at one end of a mark's text and returns it. */
function takeSpace(node: Marked, end: "start" | "end"): string {
  const edge = end === "start" ? node.children[0] : node.children.at(-1);
  if (isMarked(edge)) return takeSpace(edge, end);
  if (edge?.type !== "text") return "";
  const match = end === "start" ? /^\s+/.exec(edge.value) : /\s+$/.exec(edge.value);
  if (!match) return "";
  edge.value =
    end === "start" ? edge.value.slice(match[0].length) : edge.value.slice(0, match.index);
  return match[0];
}

function hasText(node: Nodes): boolean {
  return toString(node).trim() !== "";
}

function trimBreaks(children: PhrasingContent[]): PhrasingContent[] {
  let start = 0;
  let end = children.length;
  while (start < end && isBlank(children[start])) start++;
  while (end > start && isBlank(children[end - 1])) end--;
  return children.slice(start, end);
}

const isBlank = (node: PhrasingContent | undefined) =>
  node?.type === "break" || (node?.type === "text" && node.value.trim() === "");

/** What a list holds besides items (a link straight inside <ul>) goes in an item of its own. */
function items(children: Node[]): List["children"] {
  const out: List["children"] = [];
  let loose: Node[] = [];
  const endLoose = () => {
    const content = flow(loose) as ListItem["children"];
    if (content.length > 0) out.push({ type: "listItem", spread: false, children: content });
    loose = [];
  };
  for (const child of children) {
    if (child.type !== "listItem") {
      loose.push(child);
      continue;
    }
    endLoose();
    out.push(child);
  }
  endLoose();
  return out;
}

/** Tight lists, as the site writes them; an item of two paragraphs keeps its blank line. */
function spread(list: List): List {
  for (const item of list.children) {
    item.spread = item.children.filter((child) => child.type !== "list").length > 1;
  }
  list.spread = list.children.some((item) => item.spread);
  return list;
}

/**
 * The pasted document's top heading level becomes ## (the page's title is its
 * only #); the rest keep their distance below it, down to ####, the deepest
 * the editor offers.
 */
function shiftHeadings(tree: Root): void {
  const headings: Heading[] = [];
  const collect = (node: Nodes) => {
    if (node.type === "heading") headings.push(node);
    if ("children" in node) for (const child of node.children) collect(child);
  };
  collect(tree);
  const top = Math.min(...headings.map((h) => h.depth));
  for (const heading of headings) {
    heading.depth = Math.min(4, heading.depth - top + 2) as Heading["depth"];
  }
}
