import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { didYouMean } from "../checks/did-you-mean";
import { COMPONENT_NAMES } from "@/lib/validations/component-catalogue";

/*
 * Page text comes from files and from the staff editor alike, and neither is
 * ever run as code. MDX can carry JavaScript (import/export, {expressions},
 * attribute expressions) and raw HTML; this module finds every such construct
 * with its line and column, so the checker refuses it and the renderer, which
 * checks again, never meets it.
 */

export interface UnsafeConstruct {
  line: number | undefined;
  column: number | undefined;
  /** What and where, then what to do: "unknown component <Carousel> (line 9, column 1): use …". */
  message: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

/** Parses MDX into a syntax tree; throws the parser's message, which names line and column. */
export function parseMdx(source: string): Root {
  return parser.parse(source) as Root;
}

const known = new Set<string>(COMPONENT_NAMES);

/** Plain HTML that cannot run anything; any attribute but title is refused on it. */
export const ALLOWED_HTML = new Set(["br", "abbr", "sub", "sup", "small", "mark", "kbd"]);

/** A JSX comment `{/* … *\/}` is a note to other editors: allowed, and dropped when rendering. */
export function isCommentOnly(value: string): boolean {
  return /^\s*\/\*[\s\S]*?\*\/\s*$/.test(value) && value.indexOf("*/") === value.lastIndexOf("*/");
}

/** Addresses a page may link to: on the site, a web page, an email or a phone number. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^[/#?]/.test(trimmed) && !trimmed.startsWith("//")) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return !trimmed.includes(":");
  return /^(https?|mailto|tel):/i.test(trimmed);
}

const URL_ATTRIBUTES = new Set(["href", "src"]);

export function findUnsafeMdx(tree: Root): UnsafeConstruct[] {
  const found: UnsafeConstruct[] = [];
  const report: Report = (node, subject, advice, hint = "") => {
    const line = node.position?.start.line;
    const column = node.position?.start.column;
    found.push({ line, column, message: `${subject}${position(line, column)}${hint}: ${advice}` });
  };

  visit(tree, (node) => {
    switch (node.type) {
      case "mdxjsEsm":
        report(
          node,
          "import and export are not allowed",
          "components are available without importing them",
        );
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (!isCommentOnly(node.value))
          report(
            node,
            "curly braces { } run code, which pages may not do",
            "write the words instead, or put a backslash before the brace: \\{",
          );
        break;
      case "link":
      case "image":
      case "definition":
        if (!isSafeUrl(node.url))
          report(
            node,
            `the address "${node.url}" is not allowed`,
            "use /page, https://…, mailto: or tel:",
          );
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        checkElement(node, report);
        break;
    }
  });
  return found;
}

type Report = (
  node: { position?: Root["position"] },
  subject: string,
  advice: string,
  hint?: string,
) => void;

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, report: Report): void {
  const name = node.name;
  if (name === null) {
    report(node, "an empty tag <> is not allowed", "remove <> and </> and keep the text between");
    return;
  }
  const isHtml = /^[a-z]/.test(name);
  if (!isHtml && !known.has(name)) {
    report(
      node,
      `unknown component <${name}>`,
      `use one of ${COMPONENT_NAMES.join(", ")}`,
      didYouMean(name, known),
    );
    return;
  }
  if (isHtml && !ALLOWED_HTML.has(name)) {
    report(
      node,
      `the HTML tag <${name}> is not allowed`,
      "use Markdown or one of the components listed beside the editor",
      didYouMean(name, known),
    );
    return;
  }
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      report(node, `<${name}> has {…} among its attributes`, 'that runs code: write name="value"');
      continue;
    }
    const label = `<${name}> attribute ${attribute.name}`;
    if (attribute.value !== null && typeof attribute.value !== "string") {
      report(node, `${label} uses {…}`, "that runs code: put the value in double quotes");
    } else if (/^on/i.test(attribute.name) || attribute.name === "style") {
      report(node, `${label} is not allowed`, "pages may not carry scripts or inline styles");
    } else if (isHtml && attribute.name !== "title") {
      report(node, `${label} is not allowed`, `only title may be given on <${name}>`);
    } else if (
      URL_ATTRIBUTES.has(attribute.name) &&
      typeof attribute.value === "string" &&
      !isSafeUrl(attribute.value)
    ) {
      report(
        node,
        `${label} "${attribute.value}" is not allowed`,
        "use /…, https://…, mailto: or tel:",
      );
    }
  }
}

/** "line 3, column 5" for messages; empty when the parser gave no position. */
export function position(line: number | undefined, column: number | undefined): string {
  if (!line) return "";
  return column ? ` (line ${line}, column ${column})` : ` (line ${line})`;
}
