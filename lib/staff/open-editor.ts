import "server-only";
import type { ReactNode } from "react";
import { getDb } from "@/lib/db/client";
import { getPageDraft } from "@/lib/db/page-drafts";
import type { PageRecord, Site } from "@/lib/content/types";
import type { EditorState, EditorValues } from "@/lib/validations/editor-state";
import type { StaffActor } from "./actor";
import { draftKeyOf } from "./draft-key";
import { checkEditorValues, previewOf } from "./editor-checks";
import { editorStateFor } from "./editor-form";

/** An unpublished draft this person left, offered before the editor opens. */
export interface DraftOffer {
  savedAt: string;
  version: number;
  title: string;
}

/**
 * The editor as it opens: the page's current text, or, when its person left a
 * draft of it, first the offer to continue or discard that draft, and once
 * continued the draft with its checks and preview (also how the Preview
 * button shows its answer without JavaScript).
 */
export async function openEditor(options: {
  /** Whose draft is offered: the signed-in person's own. */
  actor: StaffActor;
  page: PageRecord | undefined;
  slug: string;
  /** The person chose to continue their draft (`?draft=continue`). */
  resume: boolean;
  site: Site;
}): Promise<{ initial: EditorState; preview?: ReactNode; offer?: DraftOffer }> {
  const { actor, page, slug, resume, site } = options;
  const initial = editorStateFor(page, slug);
  const draft = await getPageDraft(await getDb(), draftKeyOf(actor, initial.values));
  // The preview is there from the start, beside the editor, as visitors will see the page.
  if (!draft)
    return {
      initial,
      preview: previewOf(initial.values, await checkEditorValues(initial.values, site), site),
    };
  // A draft saved before the name question went still holds the name typed then: not a field now.
  const { author: _typedName, ...saved } = draft.data as Partial<EditorValues> & {
    author?: string;
  };
  // Where the page is and whether it is new come from the address, never from the stored text;
  // a draft from an older release lacks newer fields, which start as the page has them.
  const values: EditorValues = {
    ...initial.values,
    ...saved,
    fields: { ...initial.values.fields, ...saved.fields },
    slug: initial.values.isNew ? (saved.slug ?? "") : slug,
    isNew: initial.values.isNew,
    draftVersion: draft.version,
  };
  if (!resume) {
    return {
      initial,
      offer: { savedAt: draft.savedAt, version: draft.version, title: values.fields.title },
    };
  }
  const check = await checkEditorValues(values, site);
  return {
    initial: {
      values,
      fieldErrors: check.fieldErrors,
      bodyProblems: check.bodyProblems,
      answer: 0,
    },
    preview: previewOf(values, check, site),
  };
}
