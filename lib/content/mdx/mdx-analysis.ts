import GithubSlugger from "github-slugger";
import type { Nodes } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { FaqItem, Heading } from "../types";
import { findUnsafeMdx, parseMdx, type UnsafeConstruct } from "./mdx-safety";

export interface ImageUse {
  src: string | undefined;
  alt: string | undefined;
  caption?: string;
  hasSize: boolean;
  line: number | undefined;
}

/** A component as written, for the catalogue's checks (lib/content/checks/component-check.ts). */
export interface ComponentUse {
  name: string;
  /** Literal attributes only: `{…}` ones are refused as unsafe before these are read. */
  attributes: Record<string, string | true>;
  line: number | undefined;
  /** The nearest component around it. */
  parent: string | undefined;
  /** The components directly inside it. */
  childNames: string[];
  /** Text, Markdown or anything else inside it besides components. */
  hasOtherContent: boolean;
  hasNumberedList: boolean;
}

export interface MdxAnalysis {
  /** The raw YAML frontmatter text, or undefined when the file has none. */
  yaml: string | undefined;
  headings: Heading[];
  faq: FaqItem[];
  links: { href: string; line: number | undefined }[];
  /** Markdown images, ![alt](src); Figure is checked with the other components. */
  images: ImageUse[];
  components: ComponentUse[];
  /** Sources pointed at from the text with <Cite source="key" />. */
  citations: { source: string | undefined; line: number | undefined }[];
  /** The readable text, for checks on what a page says. */
  text: string;
  /** Code, raw HTML and unknown components: every one is refused. */
  unsafe: UnsafeConstruct[];
  words: number;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function attr(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find(
    (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name,
  );
  return typeof found?.value === "string" ? found.value : undefined;
}

const isJsx = (node: Nodes): node is JsxElement =>
  node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";

/** Blank text, or a paragraph holding only blank text and components (MDX wraps inline ones so). */
function isOnlyComponents(node: Nodes): boolean {
  if (isJsx(node)) return true;
  if (node.type === "text") return node.value.trim() === "";
  if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return true;
  return node.type === "paragraph" && node.children.every(isOnlyComponents);
}

function componentsIn(node: Nodes): JsxElement[] {
  if (isJsx(node)) return [node];
  return node.type === "paragraph" ? node.children.flatMap(componentsIn) : [];
}

function collectComponents(node: Nodes, parent: string | undefined, found: ComponentUse[]): void {
  let inside = parent;
  if (isJsx(node) && node.name) {
    const attributes: ComponentUse["attributes"] = {};
    for (const a of node.attributes) {
      if (a.type !== "mdxJsxAttribute") continue;
      if (a.value === null || a.value === undefined) attributes[a.name] = true;
      else if (typeof a.value === "string") attributes[a.name] = a.value;
    }
    const children = node.children as Nodes[];
    found.push({
      name: node.name,
      attributes,
      line: node.position?.start.line,
      parent,
      childNames: children.flatMap(componentsIn).flatMap((c) => (c.name ? [c.name] : [])),
      hasOtherContent: !children.every(isOnlyComponents),
      hasNumberedList: children.some((c) => c.type === "list" && c.ordered === true),
    });
    inside = node.name;
  }
  if ("children" in node)
    for (const child of node.children as Nodes[]) collectComponents(child, inside, found);
}

/**
 * Reads what the site needs from an MDX file without compiling it: headings
 * for the table of contents (slugged exactly as rehype-slug does), FAQ items
 * for structured data, and the components, links and images for the checker.
 * Throws the MDX parser's own message (with line and column) on bad syntax.
 */
export function analyseMdx(source: string): MdxAnalysis {
  const tree = parseMdx(source);
  const slugger = new GithubSlugger();
  const result: MdxAnalysis = {
    yaml: undefined,
    headings: [],
    faq: [],
    links: [],
    images: [],
    components: [],
    citations: [],
    text: "",
    unsafe: findUnsafeMdx(tree),
    words: 0,
  };

  visit(tree, (node) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case "yaml":
        result.yaml = node.value;
        break;
      case "heading": {
        const text = toString(node);
        result.headings.push({ depth: node.depth, text, id: slugger.slug(text) });
        break;
      }
      case "link":
        result.links.push({ href: node.url, line });
        break;
      case "image":
        result.images.push({ src: node.url, alt: node.alt ?? undefined, hasSize: false, line });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        analyseJsx(node, line, result);
        break;
    }
  });

  collectComponents(tree, undefined, result.components);
  const texts: string[] = [];
  visit(tree, "text", (node) => {
    texts.push(node.value);
  });
  result.text = texts.join(" ");
  result.words = result.text.split(/\s+/).filter(Boolean).length;
  return result;
}

function analyseJsx(node: JsxElement, line: number | undefined, result: MdxAnalysis): void {
  if (!node.name) return;
  const href = attr(node, "href");
  if (href !== undefined) result.links.push({ href, line });
  if (node.name === "Cite") result.citations.push({ source: attr(node, "source"), line });
  if (node.name === "Question") {
    result.faq.push({ question: attr(node, "q") ?? "", answer: toString(node).trim() });
  }
}
