import "server-only";
import { createElement, type ReactNode } from "react";
import { PagePreview } from "@/components/staff/editor/page-preview";
import { checkContent } from "@/lib/content/checks/check-content";
import { checkDraft, type DraftCheck } from "@/lib/content/checks/page-draft";
import { composeSource } from "@/lib/content/mdx/page-source";
import { renderFailure } from "@/lib/content/site/rendered-entries";
import type { EditorValues } from "@/lib/validations/editor-state";
import { BODY_PROBLEMS_SHOWN, bodyLengthProblem } from "@/lib/validations/page-body";
import type { Site } from "@/lib/content/types";

/**
 * The content:check rules on the typed values, against the site as it is now;
 * then, when they pass, a trial render, so a text that would still throw is
 * refused here rather than shown to visitors or break the preview.
 */
export async function checkEditorValues(values: EditorValues, site: Site): Promise<DraftCheck> {
  const existing = new Set(site.pages.filter((p) => p.source !== undefined).map((p) => p.slug));
  const tooLong = bodyLengthProblem(values.body);
  const check = checkDraft(
    { slug: values.slug, fields: values.fields, body: tooLong ? "" : values.body },
    { entries: site.entries, isNew: values.isNew, existingSlugs: existing },
  );
  // An over-long text is not parsed at all; a long list of problems is cut, as it travels back.
  const problems = tooLong ? [tooLong] : check.bodyProblems;
  if (problems.length === 0) {
    const failure = await renderFailure(site, values.body);
    if (failure) problems.push(`The page text cannot be shown: ${failure}`);
  }
  const more = problems.length - BODY_PROBLEMS_SHOWN;
  return {
    ...check,
    bodyProblems:
      more > 0
        ? [
            ...problems.slice(0, BODY_PROBLEMS_SHOWN),
            `…and ${more} more problems of the same kinds.`,
          ]
        : problems,
  };
}

/** The page as visitors would see it, or nothing while the checks fail. */
export function previewOf(values: EditorValues, check: DraftCheck, site: Site): ReactNode {
  if (!check.frontmatter || check.bodyProblems.length > 0) return undefined;
  // The loader builds the entry (table of contents, FAQ, reviewer) exactly as for the live page.
  const { entries } = checkContent({
    pages: [
      {
        slug: values.slug,
        file: "preview",
        source: composeSource(check.frontmatter, values.body),
      },
    ],
    clinic: site.clinic,
  });
  const entry = entries[0];
  return entry ? createElement(PagePreview, { entry }) : undefined;
}
