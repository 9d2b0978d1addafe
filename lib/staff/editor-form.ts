import { frontmatterToFields } from "@/lib/content/checks/page-draft";
import { splitSource } from "@/lib/content/mdx/page-source";
import { parse as parseYaml } from "yaml";
import { BODY_HARD_MAX } from "@/lib/validations/page-body";
import { EDITOR_FIELDS, type EditorState, type EditorValues } from "@/lib/validations/editor-state";
import type { PageRecord } from "@/lib/content/types";

/*
 * The edit form as plain values. Nothing from the browser is trusted: each
 * value is cut to a sane length here, then checked by the same rules as
 * content:check; slugs are checked again before anything is written.
 */
const MAX_FIELD = 1000;

/** Invisible characters no page needs, which would also cost six bytes each in the answer. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function text(formData: FormData, name: string, max = MAX_FIELD): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.replace(/\r\n/g, "\n").slice(0, max) : "";
}

function count(value: string): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 0 ? number : 0;
}

export function readEditorForm(formData: FormData): EditorValues {
  const fields = Object.fromEntries(
    EDITOR_FIELDS.map((key) => [key, text(formData, key)]),
  ) as EditorValues["fields"];
  const parentId = count(text(formData, "parentId", 20));
  const slug = text(formData, "slug", 100).trim();
  return {
    slug: slug === "index" ? "" : slug,
    isNew: text(formData, "isNew", 5) === "1",
    fields,
    // Up to the text area's own hard stop: a text over the stated limit comes back whole, with a message.
    body: text(formData, "body", BODY_HARD_MAX).replace(CONTROL_CHARACTERS, ""),
    note: text(formData, "note", 500),
    parentId,
    draftVersion: count(text(formData, "draftVersion", 20)),
    baseHash: /^[0-9a-f]{64}$/.test(text(formData, "baseHash", 64))
      ? text(formData, "baseHash", 64)
      : "",
  };
}

/** A page's text as the editor's fields and body, as the form shows it (and as a merge compares it). */
export function editorTextOf(source: string): Pick<EditorValues, "fields" | "body"> {
  const { yaml, body } = splitSource(source);
  let frontmatter: Record<string, unknown> = {};
  try {
    frontmatter = (parseYaml(yaml) as Record<string, unknown> | null) ?? {};
  } catch {
    // A broken file still opens: its fields start empty and the checks say what is missing.
  }
  const lastReviewed =
    frontmatter.lastReviewed instanceof Date
      ? frontmatter.lastReviewed.toISOString().slice(0, 10)
      : frontmatter.lastReviewed;
  return { fields: frontmatterToFields({ ...frontmatter, lastReviewed } as never), body };
}

/** The form as a page opens: its current text, on top of its newest revision and file version. */
export function editorStateFor(page: PageRecord | undefined, slug: string): EditorState {
  return {
    values: {
      slug,
      isNew: page === undefined,
      ...editorTextOf(page?.source ?? ""),
      note: "",
      parentId: page?.revision?.id ?? 0,
      baseHash: page?.file?.hash ?? "",
      draftVersion: 0,
    },
    fieldErrors: {},
    bodyProblems: [],
    answer: 0,
  };
}
