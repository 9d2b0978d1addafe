import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { fullTitle, pageTitle, TITLE_MAX } from "@/lib/seo/title";
import { didYouMean } from "./did-you-mean";
import { formatIssues } from "./format-issues";
import { MEDIA_PATTERN } from "../images/media-names";
import { frontmatterSchema, type Frontmatter } from "./frontmatter-schema";
import type { MdxAnalysis } from "../mdx/mdx-analysis";
import type { Problem } from "../types";

/** Frontmatter problems as "field: what is wrong" lines, or the validated value. */
export function checkFrontmatter(
  file: string,
  analysis: MdxAnalysis,
): { frontmatter?: Frontmatter; problems: Problem[] } {
  if (analysis.yaml === undefined) {
    return {
      problems: [
        {
          file,
          message:
            "has no frontmatter: start the file with a --- block holding title, description and lastReviewed",
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = parseYaml(analysis.yaml);
  } catch (error) {
    return {
      problems: [{ file, message: `frontmatter is not valid YAML: ${(error as Error).message}` }],
    };
  }
  const result = frontmatterSchema.safeParse(raw ?? {});
  if (!result.success) {
    return {
      problems: formatIssues(result.error).map((line) => ({
        file,
        message: `frontmatter ${line}`,
      })),
    };
  }
  return { frontmatter: result.data, problems: [] };
}

const at = (line: number | undefined) => (line ? ` (line ${line})` : "");

/** Body problems: page-level headings, unknown components, images without a file or alt text. */
export function checkBody(file: string, analysis: MdxAnalysis, publicDir: string): Problem[] {
  const problems: Problem[] = [];
  for (const heading of analysis.headings.filter((h) => h.depth === 1)) {
    problems.push({
      file,
      message: `heading "# ${heading.text}" uses #: the title is the page heading, start sections with ##`,
    });
  }
  for (const { message } of analysis.unsafe) problems.push({ file, message });
  for (const image of analysis.images) {
    const where = at(image.line);
    if (!image.alt?.trim())
      problems.push({
        file,
        message: `image ${image.src ?? ""}${where} has no alt text: describe what it shows`,
      });
    if (image.caption !== undefined && !image.caption.trim())
      problems.push({ file, message: `Figure${where} has an empty caption` });
    if (!image.src) {
      problems.push({ file, message: `image${where} has no src` });
      continue;
    }
    if (MEDIA_PATTERN.test(image.src)) {
      // Uploaded in the staff area: stored in the database, and the upload gives its size.
      if (!image.hasSize)
        problems.push({ file, message: `image ${image.src}${where} needs width and height` });
    } else if (!image.src.startsWith("/")) {
      problems.push({
        file,
        message: `image ${image.src}${where} must be a path in public/, starting with /`,
      });
    } else if (!existsSync(path.join(/*turbopackIgnore: true*/ publicDir, image.src))) {
      problems.push({
        file,
        message: `image ${image.src}${where} does not exist: put the file at public${image.src}`,
      });
    } else if (!image.src.endsWith(".svg") && !image.hasSize) {
      problems.push({
        file,
        message: `image ${image.src}${where} needs width and height (only SVG sizes are read automatically)`,
      });
    }
  }
  return problems;
}

/** Internal links must point at a page that will exist on the live site. */
export function checkLinks(
  file: string,
  analysis: MdxAnalysis,
  routes: { live: Set<string>; drafts: Set<string> },
  isDraft: boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const { href, line } of analysis.links) {
    if (/^(https?:|mailto:|tel:|#)/.test(href)) continue;
    const target = href.split(/[?#]/)[0] ?? "";
    if (!target.startsWith("/")) {
      problems.push({
        file,
        message: `link "${href}"${at(line)} must start with / (for example /benefits) or be a full https:// address`,
      });
    } else if (routes.drafts.has(target) && !isDraft) {
      problems.push({
        file,
        message: `link "${href}"${at(line)} points at a draft, which does not exist on the live site`,
      });
    } else if (!routes.live.has(target) && !routes.drafts.has(target)) {
      problems.push({
        file,
        message: `link "${href}"${at(line)} points at a page that does not exist${didYouMean(target, routes.live)}`,
      });
    }
  }
  return problems;
}

/**
 * A page's sources must all be in content/sources.yaml, and every <Cite> must
 * point at one the page lists, so the reader finds it under "Sources".
 */
export function checkSources(
  file: string,
  frontmatter: Frontmatter | undefined,
  analysis: MdxAnalysis,
  sources: Record<string, unknown>,
): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(sources);
  const listed = frontmatter?.sources ?? [];
  for (const key of listed) {
    if (!(key in sources)) {
      problems.push({
        file,
        message: `frontmatter sources: "${key}" is not in content/sources.yaml${didYouMean(key, known)}`,
      });
    }
  }
  // Whether the key exists is the catalogue's check (component-check.ts); here, that the page lists it.
  for (const { source, line } of analysis.citations) {
    if (source && source in sources && frontmatter && !listed.includes(source)) {
      problems.push({
        file,
        message: `<Cite source="${source}">${at(line)}: add "${source}" to sources in the frontmatter, so it is listed at the end of the page`,
      });
    }
  }
  return problems;
}

const EVIDENCE_WORDS = /\b(research|studies|trials|evidence|guidelines?|cochrane)\b/i;

/** Warnings: a full title search results would cut, and evidence talked about without sources. */
export function checkWarnings(
  file: string,
  slug: string,
  frontmatter: Frontmatter,
  analysis: MdxAnalysis,
  shortName: string | undefined,
): Problem[] {
  const warnings: Problem[] = [];
  if (shortName !== undefined) {
    const title = fullTitle(frontmatter, slug, shortName);
    if (title.length > TITLE_MAX) {
      const room = TITLE_MAX - (title.length - pageTitle(frontmatter).length);
      warnings.push({
        file,
        message: `the page title "${title}" is ${title.length} characters, so search results will cut it (at most ${TITLE_MAX}): shorten ${frontmatter.seoTitle ? "seoTitle" : "the title, or add a seoTitle"} of at most ${room} characters`,
      });
    }
  }
  if (
    frontmatter.kind === "article" &&
    !frontmatter.sources?.length &&
    EVIDENCE_WORDS.test(analysis.text)
  ) {
    warnings.push({
      file,
      message:
        "talks about research or guidelines but lists no sources: add them to sources in the frontmatter (see content/sources.yaml)",
    });
  }
  return warnings;
}
