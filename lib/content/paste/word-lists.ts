import type { Element, ElementContent, Parents, Root } from "hast";
import { styleOf } from "./inline-style";

/*
 * Word does not copy lists as lists. Each item is a paragraph styled
 * `mso-list:l0 level2 lfo1` (list 0, second level) that starts with its
 * typed marker ("1.", "a.", "·", "o", "§") in a span styled mso-list:Ignore,
 * wrapped in <![if !supportLists]> … <![endif]> (or <!--[if …]-->, as Chrome
 * rewrites it). Runs of such paragraphs become real nested <ul>/<ol> here,
 * before anything else looks at the tree, and the typed markers go.
 */

interface ListParagraph {
  node: Element;
  /** Word's list id ("l0"): a new id at the same level starts a new list. */
  list: string;
  level: number;
  ordered: boolean;
}

/** A marker Word typed for a numbered item: "1.", "a)", "iv.", "(2)". */
const NUMBERED = /^\(?([0-9]{1,4}|[a-z]{1,2}|[ivxlcdm]{1,6})[.)]/i;

export function convertWordLists(tree: Root): void {
  rewrite(tree);
}

function rewrite(parent: Parents): void {
  const out: ElementContent[] = [];
  let run: ListParagraph[] = [];
  let pending: ElementContent[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...buildLists(run));
    out.push(...pending);
    run = [];
    pending = [];
  };
  for (const child of parent.children as ElementContent[]) {
    const item = child.type === "element" ? listParagraph(child) : undefined;
    if (item) {
      // Whitespace and conditional comments between two items belong to neither.
      pending = [];
      run.push(item);
      continue;
    }
    if (run.length > 0 && isFiller(child)) {
      pending.push(child);
      continue;
    }
    flush();
    if (child.type === "element") rewrite(child);
    out.push(child);
  }
  flush();
  parent.children = out as typeof parent.children;
}

function isFiller(node: ElementContent): boolean {
  return node.type === "comment" || (node.type === "text" && node.value.trim() === "");
}

function listParagraph(node: Element): ListParagraph | undefined {
  if (node.tagName !== "p" && node.tagName !== "div") return undefined;
  const match = /^l(\d+)\s+level(\d+)/.exec(styleOf(node).get("mso-list") ?? "");
  if (!match) return undefined;
  const marker = takeMarker(node);
  return {
    node,
    list: `l${match[1]}`,
    level: Math.max(1, Number(match[2])),
    ordered: NUMBERED.test(marker.replace(/\s/g, "")),
  };
}

/** Removes the span holding Word's typed marker and returns the marker's text. */
function takeMarker(parent: Element): string {
  const index = parent.children.findIndex(
    (child) => child.type === "element" && hasIgnoredMarker(child),
  );
  const found = parent.children[index];
  if (index < 0 || found?.type !== "element") return "";
  if (styleOf(found).get("mso-list") === "ignore") {
    parent.children.splice(index, 1);
    return textOf(found);
  }
  return takeMarker(found);
}

function hasIgnoredMarker(node: Element): boolean {
  if (styleOf(node).get("mso-list") === "ignore") return true;
  return node.children.some((child) => child.type === "element" && hasIgnoredMarker(child));
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  return node.children.map(textOf).join("");
}

const element = (tagName: string, children: ElementContent[] = []): Element => ({
  type: "element",
  tagName,
  properties: {},
  children,
});

/** Nests a run of Word list paragraphs by level: level 2 goes inside the item before it. */
function buildLists(run: ListParagraph[]): Element[] {
  const roots: Element[] = [];
  const stack: { level: number; list: Element; id: string; ordered: boolean }[] = [];
  for (const item of run) {
    while (stack.length > 0 && stack.at(-1)!.level > item.level) stack.pop();
    let top = stack.at(-1);
    if (top && top.level === item.level && (top.id !== item.list || top.ordered !== item.ordered)) {
      stack.pop();
      top = undefined;
    }
    if (!top || top.level < item.level) {
      const list = element(item.ordered ? "ol" : "ul");
      const parentItem = stack.at(-1)?.list.children.at(-1);
      if (parentItem?.type === "element") parentItem.children.push(list);
      else roots.push(list);
      top = { level: item.level, list, id: item.list, ordered: item.ordered };
      stack.push(top);
    }
    top.list.children.push(element("li", item.node.children));
  }
  return roots;
}
