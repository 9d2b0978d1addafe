import GithubSlugger from "github-slugger";
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

export interface MdxAnalysis {
  /** The raw YAML frontmatter text, or undefined when the file has none. */
  yaml: string | undefined;
  headings: Heading[];
  faq: FaqItem[];
  links: { href: string; line: number | undefined }[];
  images: ImageUse[];
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

function hasAttr(node: JsxElement, name: string): boolean {
  return node.attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === name);
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
  if (node.name === "Figure" || node.name === "img") {
    result.images.push({
      src: attr(node, "src"),
      alt: attr(node, "alt"),
      caption: attr(node, "caption"),
      hasSize: hasAttr(node, "width") && hasAttr(node, "height"),
      line,
    });
  }
}
