import "server-only";
import { createHash } from "node:crypto";
import { Document, isScalar, parse as parseYaml, visit } from "yaml";
import { parseMdx } from "./mdx-safety";
import { EDITOR_FIELDS } from "@/lib/validations/editor-state";
import type { Frontmatter } from "../checks/frontmatter-schema";

/** The version of a file's text a browser edit started from. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/* Frontmatter in the order content/README.md documents it (the editor's field order), so exported files read naturally. */
const FIELD_ORDER: readonly (keyof Frontmatter)[] = EDITOR_FIELDS;

/**
 * A page as MDX text: the frontmatter block, a blank line, the body. Browser
 * revisions are stored as frontmatter + body and turned into text this way,
 * both for rendering and for `npm run content:export`.
 */
export function composeSource(frontmatter: Partial<Frontmatter>, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = frontmatter[key];
    // Defaults are left out, as files leave them out.
    const isDefault =
      (key === "draft" && value === false) || (key === "kind" && value === "article");
    if (value !== undefined && value !== "" && !isDefault) ordered[key] = value;
  }
  for (const [key, value] of Object.entries(frontmatter)) {
    if (!(key in ordered) && value !== undefined && !FIELD_ORDER.includes(key as keyof Frontmatter))
      ordered[key] = value;
  }
  const doc = new Document(ordered);
  // Lists as the files write them, `sources: [acp-2017, nice-ng59]`, so an export reads as a hand edit.
  visit(doc, {
    Seq(_, seq) {
      seq.flow = true;
      for (const item of seq.items) if (isScalar(item)) item.type = "PLAIN";
    },
  });
  const yaml = doc.toString({
    lineWidth: 0,
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    flowCollectionPadding: false,
  });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}

/** Splits MDX text into its raw frontmatter YAML and the body after it. */
export function splitSource(source: string): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { yaml: "", body: source };
  return { yaml: match[1] ?? "", body: source.slice(match[0].length).replace(/^\s*\n/, "") };
}

/* The parts of a page that matter to visitors, without formatting: frontmatter values and the body's syntax tree. */
function meaning(source: string): string {
  const { yaml, body } = splitSource(source);
  let frontmatter: unknown;
  try {
    frontmatter = parseYaml(yaml);
  } catch {
    frontmatter = yaml;
  }
  let tree: unknown;
  try {
    tree = parseMdx(body);
  } catch {
    tree = body;
  }
  return JSON.stringify([frontmatter, tree], (key, value: unknown) => {
    if (key === "position") return undefined;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return value;
  });
}

/**
 * Whether two texts are the same page, however they are formatted: an
 * exported file (quoted, wrapped or re-marked by prettier) matches the
 * browser revision it came from.
 */
export function samePage(a: string, b: string): boolean {
  return a === b || meaning(a) === meaning(b);
}
