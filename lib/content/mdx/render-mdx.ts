import type { Element, Root as HastRoot } from "hast";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import type { Nodes, Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import rehypeSlug from "rehype-slug";
import { visit } from "unist-util-visit";
import { findUnsafeMdx, isCommentOnly, isSafeUrl, parseMdx } from "./mdx-safety";

/*
 * The one path from page text to React, for text from content/ files and
 * from browser revisions alike: MDX → syntax tree (mdast) → HTML tree (hast)
 * → React elements through react/jsx-runtime. Nothing is compiled or
 * evaluated, so there is no eval and no new Function; a page that carries code
 * is refused here as well as by the checker, in case one skipped it.
 */

export class UnsafeMdxError extends Error {}

/*
 * After the checks every JSX element has a known name and only literal
 * attributes, so it becomes a plain hast element: the runtime then looks its
 * name up in `components` and never needs to evaluate anything.
 */
function toPlainElements(tree: HastRoot): void {
  visit(tree, (node, index, parent) => {
    if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
    if (!parent || index === undefined) return;
    const properties: Element["properties"] = {};
    for (const attribute of node.attributes) {
      if (attribute.type !== "mdxJsxAttribute") continue;
      if (attribute.value === null || attribute.value === undefined)
        properties[attribute.name] = true;
      else if (typeof attribute.value === "string") properties[attribute.name] = attribute.value;
    }
    const element: Element = {
      type: "element",
      tagName: node.name ?? "span",
      properties,
      children: node.children,
    };
    parent.children[index] = element;
  });
}

/**
 * The first Figure is likely on screen as the page opens, so it loads at once
 * and first; the others wait until the reader scrolls near them. Set here,
 * never taken from the page text.
 */
function markFirstFigure(tree: HastRoot): void {
  let first = true;
  visit(tree, "element", (node) => {
    if (node.tagName !== "Figure") return;
    node.properties.priority = first;
    first = false;
  });
}

/** Defence in depth for what the checker already refuses: no handlers, styles or script links. */
function neutralise(tree: HastRoot): void {
  visit(tree, "element", (node) => {
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key) || key === "style") delete node.properties[key];
      if ((key === "href" || key === "src") && typeof value === "string" && !isSafeUrl(value))
        delete node.properties[key];
    }
  });
}

/** Removes the frontmatter and editors' {/* notes *\/}, which are not part of the page. */
function dropNotes(node: Nodes): void {
  if (!("children" in node)) return;
  const children = node.children as Nodes[];
  const kept = children.filter(
    (child) =>
      child.type !== "yaml" &&
      !(
        (child.type === "mdxFlowExpression" || child.type === "mdxTextExpression") &&
        isCommentOnly(child.value)
      ),
  );
  (node as { children: Nodes[] }).children = kept;
  kept.forEach(dropNotes);
}

/** The page body as React elements, with `components` standing in for tags and MDX components. */
export function renderMdx(source: string | Root, components: Partial<Components>): ReactElement {
  const tree = typeof source === "string" ? parseMdx(source) : structuredClone(source);
  const unsafe = findUnsafeMdx(tree);
  if (unsafe.length > 0) {
    throw new UnsafeMdxError(`Page text refused: ${unsafe.map((u) => u.message).join("; ")}`);
  }
  dropNotes(tree);
  const hast = toHast(tree, {
    passThrough: ["mdxJsxFlowElement", "mdxJsxTextElement"],
  }) as HastRoot;
  // Heading ids exactly as the table of contents computes them (github-slugger).
  rehypeSlug()(hast);
  toPlainElements(hast);
  markFirstFigure(hast);
  neutralise(hast);
  return toJsxRuntime(hast, {
    Fragment,
    jsx,
    jsxs,
    components,
    passKeys: true,
    elementAttributeNameCase: "react",
  });
}
