import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadClinic, practitionerName } from "./clinic";
import {
  checkBody,
  checkFrontmatter,
  checkLinks,
  checkSources,
  checkWarnings,
  type Problem,
} from "./check-file";
import type { Frontmatter } from "./frontmatter-schema";
import { analyseMdx, type FaqItem, type Heading, type MdxAnalysis } from "./mdx-analysis";
import { CLINIC_FILE, CONTENT_DIR, PUBLIC_DIR, SOURCES_FILE } from "./paths";
import { loadSources, type Sources } from "./sources";

export type { Problem } from "./check-file";

export interface Entry {
  /** "" for the home page (content/index.mdx), otherwise the file name. */
  slug: string;
  href: string;
  file: string;
  frontmatter: Frontmatter & { reviewedBy: string };
  /** Level-two headings, for the table of contents. */
  sections: Heading[];
  faq: FaqItem[];
  readingMinutes: number;
}

export interface ContentReport {
  entries: Entry[];
  errors: Problem[];
  warnings: Problem[];
}

interface Options {
  dir?: string;
  publicDir?: string;
  includeDrafts?: boolean;
  now?: Date;
}

/** Routes that are not content: a file with one of these names would hide or break them. */
const RESERVED = new Set(["consultation", "staff", "sitemap", "robots", "api", "opengraph-image"]);
const APP_ROUTES = ["/consultation"];
const WORDS_PER_MINUTE = 200;
const STALE_AFTER_DAYS = 365;

/**
 * Reads every MDX file in content/ and reports every problem in every file at
 * once, so a staff member fixes them in one pass instead of one build at a time.
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
    const clinic = loadClinic(dir);
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

  const parsed: { file: string; slug: string; analysis: MdxAnalysis; frontmatter?: Frontmatter }[] =
    [];
  for (const name of readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => n.endsWith(".mdx"))
    .sort()) {
    const file = display(name);
    const slug = name === "index.mdx" ? "" : name.slice(0, -4);
    if (slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      errors.push({
        file,
        message:
          "file name must be lower-case words joined by hyphens, like new-topic.mdx (it becomes the address)",
      });
      continue;
    }
    if (RESERVED.has(slug)) {
      errors.push({
        file,
        message: `the name "${slug}" is used by the site itself: choose another file name`,
      });
      continue;
    }
    let analysis: MdxAnalysis;
    try {
      analysis = analyseMdx(readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8"));
    } catch (error) {
      errors.push({ file, message: `is not valid MDX: ${(error as Error).message}` });
      continue;
    }
    const fm = checkFrontmatter(file, analysis);
    errors.push(...fm.problems, ...checkBody(file, analysis, publicDir));
    parsed.push({ file, slug, analysis, frontmatter: fm.frontmatter });
  }

  const routes = { live: new Set(APP_ROUTES), drafts: new Set<string>() };
  for (const { slug, frontmatter } of parsed) {
    (frontmatter?.draft ? routes.drafts : routes.live).add(`/${slug}`);
  }

  const entries: Entry[] = [];
  for (const { file, slug, analysis, frontmatter } of parsed) {
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
