"use server";

import "server-only";
import { redirect } from "next/navigation";
import { storedSlugProblem } from "@/lib/content/checks/slug";
import { getSite } from "@/lib/content/site/site";
import { z } from "zod";
import { deletePageDraft, savePageDraft } from "@/lib/db/page-drafts";
import { staffFormAction } from "@/lib/staff/action-client";
import { staffPageHref } from "@/lib/staff/content-params";
import { draftKeyOf, draftPage } from "@/lib/staff/draft-key";
import { readEditorForm } from "@/lib/staff/editor-form";
import { keepAsDraft } from "@/lib/staff/keep-draft";
import type { DraftSaveAnswer, EditorValues } from "@/lib/validations/editor-state";
import { errorLine, logEvent } from "@/lib/log";

/*
 * The page editor's draft, kept per person and page as they type (see
 * lib/db/page-drafts.ts and lib/staff/draft-key.ts). None of these actions
 * ever logs the text.
 */

/** Back to where the text belongs, as the site knows it: never to an address the form made up. */
async function editorHref(values: EditorValues): Promise<string> {
  const site = await getSite();
  const exists = site.pages.some((p) => p.slug === values.slug && p.source !== undefined);
  return values.isNew || !exists || storedSlugProblem(values.slug)
    ? "/staff/new-page"
    : staffPageHref(values.slug);
}

// readEditorForm has already cut and typed every value; nothing here is published.
const draftSchema = z.custom<EditorValues>();

/**
 * The autosave, called by the editor after a pause in the typing. It never
 * redirects: a redirect would take the page, and the typing on it, away.
 * Without a session it saves nothing and says so; the editor keeps the text
 * and tries again once its person has signed in again in another tab.
 */
export const saveDraftAction = staffFormAction({
  endpoint: "saveDraftAction",
  read: readEditorForm,
  schema: draftSchema,
  routine: () => true,
  signedOut: (): DraftSaveAnswer => ({ status: "signed-out" }),
  invalid: (): DraftSaveAnswer => ({ status: "failed" }),
  failed: (error): DraftSaveAnswer => {
    logEvent("db.failed", { action: "page draft not saved", error: errorLine(error) });
    return { status: "failed" };
  },
  run: async ({ input: values, db, now, actor }): Promise<DraftSaveAnswer> => {
    const key = draftKeyOf(actor, values);
    const result = await savePageDraft(db, key, {
      data: values,
      seenVersion: values.draftVersion,
      now,
    });
    return result.ok
      ? { status: "saved", savedAt: result.savedAt, version: result.version }
      : {
          status: "elsewhere",
          savedAt: result.current?.savedAt,
          version: result.current?.version ?? 0,
        };
  },
});

/**
 * The Preview button, which works without JavaScript: what the form holds
 * becomes the draft, and the editor opens again on it with its preview.
 */
export const previewPageAction = staffFormAction({
  endpoint: "previewPageAction",
  read: readEditorForm,
  schema: draftSchema,
  invalid: () => redirect("/staff/content"),
  failed: (error) => {
    logEvent("db.failed", { action: "page draft not saved for preview", error: errorLine(error) });
    redirect("/staff/content?notice=save-failed");
  },
  run: async ({ input: values, db, now, actor }) => {
    await keepAsDraft(db, actor, values, now);
    redirect(`${await editorHref(values)}?draft=continue#preview-heading`);
  },
});

/** "Discard" on the offer of a draft: only the version offered, so newer typing elsewhere stays. */
export const discardDraftAction = staffFormAction({
  endpoint: "discardDraftAction",
  read: readEditorForm,
  schema: draftSchema,
  invalid: () => redirect("/staff/content"),
  failed: (error) => {
    logEvent("db.failed", { action: "page draft not discarded", error: errorLine(error) });
    redirect("/staff/content?notice=save-failed");
  },
  run: async ({ input: values, db, record, actor }) => {
    await deletePageDraft(db, draftKeyOf(actor, values), values.draftVersion);
    record({ event: "draft-discarded", object: { type: "page", id: draftPage(values) } });
    redirect(await editorHref(values));
  },
});
