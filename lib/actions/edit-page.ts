"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createElement } from "react";
import { PagePreview } from "@/components/staff/editor/page-preview";
import { checkContent } from "@/lib/content/load-content";
import { checkDraft, draftPasses, type DraftCheck } from "@/lib/content/page-draft";
import { composeSource } from "@/lib/content/page-source";
import { currentSite, forgetContent, revisionSource, type Site } from "@/lib/content/site";
import { getDb } from "@/lib/db/client";
import { addPageRevision } from "@/lib/db/content-revisions";
import { requireStaff } from "@/lib/staff/auth";
import { getAuthorName, rememberAuthorName } from "@/lib/staff/author";
import { readEditorForm } from "@/lib/staff/editor-form";
import type { EditorState, EditorValues } from "@/lib/staff/editor-state";

/*
 * The page editor's one action. "preview" checks the text and renders it as
 * visitors would see it, for this staff member only; "publish" does the same
 * checks and, when they pass and nobody published in between, adds a
 * revision and revalidates every static page. Every answer carries the typed
 * values back, so nothing typed is lost.
 */
export async function editPageAction(
  previous: EditorState,
  formData: FormData,
): Promise<EditorState> {
  const session = await requireStaff();
  // Without a session: touch nothing, echo nothing back.
  if (!session) redirect("/staff");

  const values = readEditorForm(formData);
  const intent = formData.get("intent") === "publish" ? "publish" : "preview";
  const site = await currentSite();
  const existing = new Set(site.pages.filter((p) => p.source !== undefined).map((p) => p.slug));
  const check = checkDraft(
    { slug: values.slug, fields: values.fields, body: values.body },
    { entries: site.entries, isNew: values.isNew, existingSlugs: existing },
  );
  const answer = previous.answer + 1;
  const fieldErrors: EditorState["fieldErrors"] = { ...check.fieldErrors };
  const base = {
    values,
    fieldErrors,
    bodyProblems: check.bodyProblems,
    answer,
  } satisfies EditorState;

  if (intent === "preview") return { ...base, preview: preview(values, check, site) };

  const author = values.author.trim() || (await getAuthorName(session));
  if (!author) base.fieldErrors.author = "Write your name: it is shown in the page's history";
  if (!draftPasses(check) || !author) {
    return {
      ...base,
      values: { ...values, author },
      formError: "Not published: fix the problems marked below. Your text is kept.",
      preview: preview(values, check, site),
    };
  }

  const db = await getDb();
  const result = await addPageRevision(db, {
    slug: values.slug,
    author,
    note: values.note.trim() || null,
    action: "publish",
    frontmatter: check.frontmatter,
    body: values.body,
    baseHash: values.baseHash || null,
    parentId: values.parentId,
    now: new Date(),
  });
  if (!result.ok) {
    const latest = result.latest;
    return {
      ...base,
      // Publishing again now knowingly replaces their version with this one.
      values: { ...values, author, parentId: latest?.id ?? 0 },
      formError:
        "Not published: someone else published this page after you opened it. Their version is shown beside yours; your text is kept below. Publish again to replace theirs with yours.",
      conflict: latest && {
        author: latest.author,
        createdAt: latest.created_at,
        title: JSON.parse(latest.frontmatter ?? "{}").title ?? "",
        source:
          latest.action === "publish"
            ? revisionSource(latest)
            : "(the page was set back to its file or deleted)",
      },
    };
  }
  await rememberAuthorName(session, author);
  forgetContent();
  // The menu, footer, sitemap, structured data and sharing images of every page may show it.
  revalidatePath("/", "layout");
  redirect(`/staff/content/${values.slug || "index"}?notice=published`);
}

function preview(values: EditorValues, check: DraftCheck, site: Site) {
  if (!check.frontmatter || check.bodyProblems.length > 0) return undefined;
  // The loader builds the entry (table of contents, FAQ, reviewer) exactly as for the live page.
  const { entries } = checkContent({
    pages: [
      { slug: values.slug, file: "preview", source: composeSource(check.frontmatter, values.body) },
    ],
    clinic: site.clinic,
  });
  const entry = entries[0];
  return entry ? createElement(PagePreview, { entry }) : undefined;
}
