import type { ReactNode } from "react";

/*
 * What the page editor's form holds and what the server answers with. Kept
 * free of server imports: the client editor and the server action share it.
 */
export const EDITOR_FIELDS = [
  "title",
  "seoTitle",
  "description",
  "lastReviewed",
  "reviewedBy",
  "navLabel",
  "navOrder",
  "draft",
  "sources",
  "kind",
] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];

export const DESCRIPTION_MAX = 160;

/** How the editor asks for a frontmatter field, and where on the form it goes. */
export interface EditorFieldSpec {
  label: string;
  help: string;
  control:
    | { kind: "text"; inputMode?: "numeric" }
    | { kind: "date" }
    | { kind: "textarea"; rows: number; monospace?: boolean }
    | { kind: "select"; options: readonly { value: string; label: string }[] }
    | { kind: "checkbox" };
  /** Full width in reading order, side by side in the grid, or at the end. */
  place: "top" | "grid" | "end";
}

/*
 * Every frontmatter field the page editor shows, written once: the form loops
 * over it in this order (components/staff/edit-forms/page-editor.tsx). A
 * Record, so a field added to EDITOR_FIELDS without its question here does not
 * compile; EDITOR_FIELDS keeps the order frontmatter is written in.
 */
export const EDITOR_FIELD_SPECS: Record<EditorField, EditorFieldSpec> = {
  title: {
    label: "Title",
    help: "The page heading, at most 90 characters.",
    control: { kind: "text" },
    place: "top",
  },
  seoTitle: {
    label: "Search result title (optional)",
    help: "A shorter title for search results, at most 70 characters, when the heading is longer.",
    control: { kind: "text" },
    place: "top",
  },
  description: {
    label: "Description",
    help: `For search results and sharing, at most ${DESCRIPTION_MAX} characters.`,
    control: { kind: "textarea", rows: 3 },
    place: "top",
  },
  lastReviewed: {
    label: "Last reviewed",
    help: "The date the practitioner last checked this page.",
    control: { kind: "date" },
    place: "grid",
  },
  reviewedBy: {
    label: "Reviewed by (optional)",
    help: "Leave empty for the practitioner.",
    control: { kind: "text" },
    place: "grid",
  },
  navLabel: {
    label: "Menu label (optional)",
    help: "A short name for the menu, at most 30 characters.",
    control: { kind: "text" },
    place: "grid",
  },
  navOrder: {
    label: "Menu position (optional)",
    help: "A whole number; empty keeps the page out of the menu.",
    control: { kind: "text", inputMode: "numeric" },
    place: "grid",
  },
  kind: {
    label: "Kind",
    help: "Articles get the reviewed line, disclaimer and booking box.",
    control: {
      kind: "select",
      options: [
        { value: "article", label: "Article" },
        { value: "page", label: "Simple page" },
      ],
    },
    place: "grid",
  },
  sources: {
    label: "Sources (optional)",
    help: "Keys from content/sources.yaml, one per line, like cochrane-2020. They are listed in full at the end of the page.",
    control: { kind: "textarea", rows: 3, monospace: true },
    place: "end",
  },
  draft: {
    label: "Draft: hidden from visitors",
    help: "Visitors do not see the page while this is ticked.",
    control: { kind: "checkbox" },
    place: "end",
  },
};

export interface EditorValues {
  slug: string;
  isNew: boolean;
  fields: Record<EditorField, string>;
  body: string;
  note: string;
  /** The revision the text was opened on (0 for none): a later publish by someone else is a conflict. */
  parentId: number;
  /** The content/ file version the text was opened on, or "" when there is none. */
  baseHash: string;
  /** The version of this person's saved draft the editor holds (0 for none); see lib/db/page-drafts.ts. */
  draftVersion: number;
}

/** What the editor's autosave hears back; the client words it (draft-status.tsx). */
export type DraftSaveAnswer =
  | { status: "saved"; savedAt: string; version: number }
  /** Another tab or sign-in saved a newer draft of this page for this person. */
  | { status: "elsewhere"; savedAt: string | undefined; version: number }
  | { status: "signed-out" }
  | { status: "failed" };

export interface ScheduleFormState {
  date: string;
  time: string;
  field?: "date" | "time";
  error?: string;
}

export interface EditorState {
  values: EditorValues;
  fieldErrors: Partial<Record<EditorField | "slug", string>>;
  bodyProblems: string[];
  /** A message for the whole form: refused publish, signed out. */
  formError?: string;
  preview?: ReactNode;
  /** The "Publish later" date and time as typed, handed back with a refused schedule. */
  schedule?: ScheduleFormState;
  /** Counts answers, so the client can tell a new answer from the last one. */
  answer: number;
}
