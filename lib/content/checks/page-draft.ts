import { EDITOR_FIELDS, type EditorField } from "@/lib/validations/editor-state";
import { checkBody, checkLinks, checkSources } from "./check-file";
import { catalogueContext, checkComponents } from "./component-check";
import { bulletSlips, slipHint } from "./slips";
import { frontmatterSchema, type Frontmatter } from "./frontmatter-schema";
import { analyseMdx } from "../mdx/mdx-analysis";
import { PUBLIC_DIR } from "../files/paths";
import { getSources } from "../files/sources";
import { slugProblem, storedSlugProblem } from "./slug";
import type { Entry } from "../types";

/*
 * The staff editor's checks: the same frontmatter schema and body rules as
 * `npm run content:check`, with each problem placed beside its field, and
 * body problems given by line and column of the text area.
 */

export const FRONTMATTER_FIELDS = EDITOR_FIELDS;
export type FrontmatterField = EditorField;

/** What the edit form posts, as typed: kept whole so nothing typed is ever lost. */
export interface PageDraft {
  slug: string;
  fields: Record<FrontmatterField, string>;
  body: string;
}

export interface DraftCheck {
  frontmatter?: Frontmatter;
  fieldErrors: Partial<Record<FrontmatterField | "slug", string>>;
  bodyProblems: string[];
}

/** The form's text fields as frontmatter values: empty optional fields are left out. */
export function draftToFrontmatterInput(fields: PageDraft["fields"]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of FRONTMATTER_FIELDS) {
    const value = fields[key].trim();
    if (key === "draft") {
      if (value === "true" || value === "on") input.draft = true;
    } else if (key === "sources") {
      // One key per line or separated by commas, as staff find easiest.
      const keys = value.split(/[\s,]+/).filter(Boolean);
      if (keys.length > 0) input.sources = keys;
    } else if (key === "navOrder") {
      if (value !== "") input.navOrder = /^-?\d+$/.test(value) ? Number(value) : value;
    } else if (value !== "") {
      input[key] = value;
    }
  }
  return input;
}

/** The form fields for a page's current frontmatter. */
export function frontmatterToFields(frontmatter: Partial<Frontmatter>): PageDraft["fields"] {
  return {
    title: frontmatter.title ?? "",
    seoTitle: frontmatter.seoTitle ?? "",
    sources: (frontmatter.sources ?? []).join("\n"),
    description: frontmatter.description ?? "",
    lastReviewed: frontmatter.lastReviewed ?? "",
    reviewedBy: frontmatter.reviewedBy ?? "",
    navLabel: frontmatter.navLabel ?? "",
    navOrder: frontmatter.navOrder === undefined ? "" : String(frontmatter.navOrder),
    draft: frontmatter.draft ? "true" : "",
    kind: frontmatter.kind ?? "article",
  };
}

/**
 * `isNew` is what the form says; the page exists when `existingSlugs` has its
 * address. An address is checked on every call: "" (the home page) only
 * when it exists, any other as for a new page.
 */
export function checkDraft(
  draft: PageDraft,
  context: { entries: Entry[]; isNew: boolean; existingSlugs: Set<string> },
): DraftCheck {
  const fieldErrors: DraftCheck["fieldErrors"] = {};
  // Every publish, not only a new page's: the slug and "new" come from the form, which anyone can write.
  const exists = context.existingSlugs.has(draft.slug);
  const problem = exists ? storedSlugProblem(draft.slug) : slugProblem(draft.slug);
  if (problem) fieldErrors.slug = `Address ${problem}`;
  else if (context.isNew && exists)
    fieldErrors.slug = `A page at /${draft.slug} already exists: choose another address`;

  const parsed = frontmatterSchema.safeParse(draftToFrontmatterInput(draft.fields));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "title") as FrontmatterField;
      fieldErrors[field] ??= issue.message;
    }
  }

  const bodyProblems: string[] = [];
  let analysis;
  try {
    analysis = analyseMdx(draft.body);
  } catch (error) {
    bodyProblems.push(`The text could not be read${parserPlace(error)}`);
  }
  if (analysis) {
    const live = new Set<string>(["/consultation"]);
    const drafts = new Set<string>();
    for (const entry of context.entries) (entry.frontmatter.draft ? drafts : live).add(entry.href);
    const own = `/${draft.slug}`;
    (parsed.success && parsed.data.draft ? drafts : live).add(own);
    const isDraft = parsed.success && parsed.data.draft === true;
    const sources = getSources();
    for (const problem of [
      ...checkBody("body", analysis, PUBLIC_DIR),
      ...checkComponents("body", analysis, catalogueContext(sources, PUBLIC_DIR)),
      ...bulletSlips("body", draft.body),
      ...checkLinks("body", analysis, { live, drafts }, isDraft),
      ...checkSources("body", parsed.success ? parsed.data : undefined, analysis, sources),
    ]) {
      bodyProblems.push(
        problem.message.replace(/^heading/, "Heading").replace(/^(\w)/, (c) => c.toUpperCase()),
      );
    }
  }
  return {
    frontmatter: parsed.success ? parsed.data : undefined,
    fieldErrors,
    bodyProblems,
  };
}

export function draftPasses(check: DraftCheck): check is DraftCheck & { frontmatter: Frontmatter } {
  return (
    check.frontmatter !== undefined &&
    Object.keys(check.fieldErrors).length === 0 &&
    check.bodyProblems.length === 0
  );
}

/** The MDX parser's message with its place as "(line 3, column 1)", like every other check. */
function parserPlace(error: unknown): string {
  const e = error as Error & {
    reason?: string;
    line?: number;
    column?: number;
    place?: { line?: number; column?: number; start?: { line: number; column: number } };
  };
  // Some parser messages carry their place only in the text, as "(3:1-3:10)".
  const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(e.reason ?? e.message);
  const line = e.line ?? e.place?.start?.line ?? e.place?.line ?? Number(inText?.[1] ?? 0);
  const column = e.column ?? e.place?.start?.column ?? e.place?.column ?? Number(inText?.[2] ?? 0);
  const reason = (e.reason ?? e.message).replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, "");
  const where = line ? ` (line ${line}${column ? `, column ${column}` : ""})` : "";
  const hint = slipHint(reason);
  return hint ? `${where}: ${hint} (${reason})` : `${where}: ${reason}`;
}
