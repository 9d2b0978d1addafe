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

export interface EditorValues {
  slug: string;
  isNew: boolean;
  fields: Record<EditorField, string>;
  body: string;
  author: string;
  note: string;
  /** The revision the text was opened on (0 for none): a later publish by someone else is a conflict. */
  parentId: number;
  /** The content/ file version the text was opened on, or "" when there is none. */
  baseHash: string;
}

export interface EditorConflict {
  author: string;
  createdAt: string;
  title: string;
  source: string;
}

export interface EditorState {
  values: EditorValues;
  fieldErrors: Partial<Record<EditorField | "slug" | "author", string>>;
  bodyProblems: string[];
  /** A message for the whole form: refused publish, signed out. */
  formError?: string;
  preview?: ReactNode;
  conflict?: EditorConflict;
  /** Counts answers, so the client can tell a new answer from the last one. */
  answer: number;
}

export const DESCRIPTION_MAX = 160;
