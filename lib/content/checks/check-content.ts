import "server-only";
import path from "node:path";
import { practitionerName } from "@/lib/validations/clinic-schema";
import { loadClinic } from "../files/clinic-file";
import { readContentFiles } from "../files/content-files";
import { CLINIC_FILE, CONTENT_DIR, PUBLIC_DIR, SOURCES_FILE } from "../files/paths";
import { loadSources } from "../files/sources";
import { analyseMdx, type MdxAnalysis } from "../mdx/mdx-analysis";
import type { Clinic } from "@/lib/validations/clinic-schema";
import type { ContentReport, Entry, PageInput, Problem } from "../types";
import { catalogueContext, checkComponents } from "./component-check";
import { bulletSlips, slipHint } from "./slips";
import { checkBody, checkFrontmatter, checkLinks, checkSources, checkWarnings } from "./check-file";
import type { Frontmatter } from "./frontmatter-schema";
import type { Sources } from "./sources-schema";

interface Options {
  dir?: string;
  /** Pages to check instead of the files in `dir`. */
  pages?: PageInput[];
  /** Clinic details to use instead of `dir`/clinic.yaml. */
  clinic?: Clinic;
  publicDir?: string;
  includeDrafts?: boolean;
  now?: Date;
}

const APP_ROUTES = ["/consultation"];
const WORDS_PER_MINUTE = 200;
const STALE_AFTER_DAYS = 365;

/**
 * Checks every page and reports every problem in every page at once, so a
 * staff member fixes them in one pass instead of one build at a time. Pages
 * come from content/ unless given (the site merges in browser revisions).
 */
export function checkContent(options: Options = {}): ContentReport {
  const dir = options.dir ?? CONTENT_DIR;
  const publicDir = options.publicDir ?? PUBLIC_DIR;
  const now = options.now ?? new Date();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const display = (name: string) =>
    path.relative(process.cwd(), path.join(/*turbopackIgnore: true*/ dir, name));

  // Entries still load when the clinic file is broken, so every other problem is listed too.
  let defaultReviewer = "";
  let shortName: string | undefined;
  try {
    const clinic = options.clinic ?? loadClinic(dir);
    defaultReviewer = practitionerName(clinic);
    shortName = clinic.shortName;
  } catch (error) {
    errors.push({
      file: display(CLINIC_FILE),
      message: (error as Error).message.replace(/^\S+ /, ""),
    });
  }
  let sources: Sources = {};
  try {
    sources = loadSources(dir);
  } catch (error) {
    errors.push({
      file: display(SOURCES_FILE),
      message: (error as Error).message.replace(/^\S+ /, ""),
    });
  }

  let inputs = options.pages;
  if (!inputs) {
    const files = readContentFiles(dir);
    errors.push(...files.errors);
    inputs = files.pages;
  }

  const parsed: {
    file: string;
    slug: string;
    source: string;
    analysis: MdxAnalysis;
    frontmatter?: Frontmatter;
  }[] = [];
  for (const { file, slug, source } of inputs) {
    let analysis: MdxAnalysis;
    try {
      analysis = analyseMdx(source);
    } catch (error) {
      const message = (error as Error).message;
      const hint = slipHint(message);
      errors.push({
        file,
        message: `is not valid MDX: ${hint ? `${hint} (${message})` : message}`,
      });
      continue;
    }
    const fm = checkFrontmatter(file, analysis);
    errors.push(...fm.problems, ...checkBody(file, analysis, publicDir));
    parsed.push({ file, slug, source, analysis, frontmatter: fm.frontmatter });
  }

  const routes = { live: new Set(APP_ROUTES), drafts: new Set<string>() };
  for (const { slug, frontmatter } of parsed) {
    (frontmatter?.draft ? routes.drafts : routes.live).add(`/${slug}`);
  }

  const entries: Entry[] = [];
  const context = catalogueContext(sources, publicDir);
  for (const { file, slug, source, analysis, frontmatter } of parsed) {
    errors.push(...checkComponents(file, analysis, context), ...bulletSlips(file, source));
    errors.push(...checkLinks(file, analysis, routes, frontmatter?.draft === true));
    errors.push(...checkSources(file, frontmatter, analysis, sources));
    if (!frontmatter) continue;
    warnings.push(...checkWarnings(file, slug, frontmatter, analysis, shortName));
    const ageDays =
      (now.getTime() - Date.parse(`${frontmatter.lastReviewed}T00:00:00Z`)) / 86_400_000;
    if (ageDays > STALE_AFTER_DAYS) {
      warnings.push({
        file,
        message: `lastReviewed ${frontmatter.lastReviewed} is more than a year ago: review the page and update the date`,
      });
    }
    if (frontmatter.draft && options.includeDrafts === false) continue;
    entries.push({
      slug,
      href: `/${slug}`,
      file,
      source,
      frontmatter: { ...frontmatter, reviewedBy: frontmatter.reviewedBy ?? defaultReviewer },
      sections: analysis.headings.filter((h) => h.depth === 2),
      faq: analysis.faq,
      readingMinutes: Math.max(1, Math.round(analysis.words / WORDS_PER_MINUTE)),
    });
  }
  return { entries, errors, warnings };
}

/** The published entries; throws one message listing every problem, which stops `next build`. */
export function loadContent(options: Options = {}): Entry[] {
  const report = checkContent(options);
  if (report.errors.length > 0) {
    const lines = report.errors.map((p) => `  ${p.file}: ${p.message}`);
    throw new Error(
      `Content has ${lines.length} problem(s); run npm run content:check\n${lines.join("\n")}`,
    );
  }
  return report.entries;
}
