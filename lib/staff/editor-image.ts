import "server-only";
import type { Kysely } from "kysely";
import { uploadImage, UPLOAD_ERRORS } from "@/lib/content/images/upload-image";
import { loadSite } from "@/lib/content/site/site";
import { getPageDraft, savePageDraft } from "@/lib/db/page-drafts";
import type { Database } from "@/lib/db/types";
import { FIGURE_PLACEHOLDER } from "@/lib/validations/component-catalogue";
import type { EditorValues } from "@/lib/validations/editor-state";
import { figureText } from "@/lib/validations/figure-text";
import { draftKeyOf } from "./draft-key";
import { editorStateFor } from "./editor-form";
import type { StaffActor } from "./actor";

/*
 * An image added from inside the page editor: stored by the same upload code
 * as the Images page, then written into the page as a Figure with the alt
 * text and caption asked for beside the file (both required, as the
 * component catalogue requires them of every Figure). With JavaScript the editor puts
 * the Figure at the cursor; without it, at the end of the person's draft.
 */
export const EDITOR_IMAGE_ERRORS: Record<string, string> = {
  ...UPLOAD_ERRORS,
  alt: "Describe what the image shows, for people who cannot see it (for example “Needles along the top of the shoulder”).",
  caption:
    "Write a short line to show under the image (for example “Where the upper trapezius points are”).",
};

export type EditorImageField = "image" | "alt" | "caption";
export type EditorImageAnswer =
  | { ok: true; figure: string; src: string }
  | { ok: false; field: EditorImageField; code: string; message: string };

/** The message for a refused upload posted without JavaScript (`?image-error=<code>`). */
export function editorImageError(
  code: unknown,
): { field: EditorImageField; message: string } | undefined {
  if (typeof code !== "string" || !Object.hasOwn(EDITOR_IMAGE_ERRORS, code)) return undefined;
  const field = code === "alt" || code === "caption" ? code : "image";
  return { field, message: EDITOR_IMAGE_ERRORS[code] ?? "" };
}

const isExample = (value: string) =>
  Object.values(FIGURE_PLACEHOLDER).some(
    (example) =>
      example.replace(/\.$/, "").toLowerCase() === value.replace(/\.$/, "").toLowerCase(),
  );

const attribute = (value: FormDataEntryValue | null) =>
  typeof value === "string" ? figureText(value) : "";

export async function addEditorImage(
  db: Kysely<Database>,
  form: FormData,
  now: Date,
): Promise<EditorImageAnswer> {
  const alt = attribute(form.get("alt"));
  const caption = attribute(form.get("caption"));
  // Asked before the upload, so a missing description costs no stored image. The catalogue
  // refuses the snippet's example text at publish; it is refused here already.
  for (const [field, value] of [
    ["alt", alt],
    ["caption", caption],
  ] as const) {
    if (!value || isExample(value)) {
      return { ok: false, field, code: field, message: EDITOR_IMAGE_ERRORS[field] ?? "" };
    }
  }
  const stored = await uploadImage(db, form.get("image"), now);
  if (!stored.ok) {
    return { ok: false, field: "image", code: stored.error, message: UPLOAD_ERRORS[stored.error] };
  }
  const { src, width, height } = stored;
  return {
    ok: true,
    src,
    figure: `<Figure src="${src}" alt="${alt}" caption="${caption}" width="${width}" height="${height}" />`,
  };
}

/**
 * Without JavaScript: the Figure goes at the end of this person's draft of
 * the page (the text they last previewed), or of the page as it is when they
 * have none, and the editor opens on that draft.
 */
export async function addFigureToDraft(
  db: Kysely<Database>,
  actor: Pick<StaffActor, "accountId">,
  page: { isNew: boolean; slug: string },
  figure: string,
  now: Date,
): Promise<void> {
  const key = draftKeyOf(actor, page);
  for (let attempt = 0; attempt < 3; attempt++) {
    const draft = await getPageDraft(db, key);
    const values = (draft?.data as EditorValues | undefined) ?? (await pageValues(db, page));
    // No such page (a tampered form): there is nothing to add the image to.
    if (!values) return;
    const body = `${values.body.trimEnd()}\n\n${figure}\n`;
    const saved = await savePageDraft(db, key, {
      data: { ...values, body },
      seenVersion: draft?.version ?? 0,
      now,
    });
    if (saved.ok) return;
  }
  throw new Error("The page draft kept changing while an image was added to it");
}

async function pageValues(
  db: Kysely<Database>,
  page: { isNew: boolean; slug: string },
): Promise<EditorValues | undefined> {
  const site = await loadSite(db, { includeDrafts: true });
  const record = page.isNew
    ? undefined
    : site.pages.find((p) => p.slug === page.slug && p.source !== undefined);
  if (!page.isNew && !record) return undefined;
  return editorStateFor(record, page.isNew ? "" : page.slug).values;
}
