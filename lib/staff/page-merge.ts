import "server-only";
import type { Kysely } from "kysely";
import {
  mergePage,
  type MergeChoice,
  type PageMerge,
  type PageText,
} from "@/lib/content/merge/merge-page";
import { revisionSource } from "@/lib/content/site/site";
import { getPageRevision } from "@/lib/db/content-revisions";
import type { Database, PageRevision } from "@/lib/db/types";
import type { EditorValues } from "@/lib/validations/editor-state";
import { editorTextOf } from "./editor-form";

/*
 * A publish refused because someone else published the page after it was
 * opened: the typed text merged with theirs, on top of the version both
 * started from (the revision the editor opened, or the content/ file).
 */

export type MergeOutcome =
  /** Nothing overlaps, or every overlap is decided: the text to publish on top of theirs. */
  | { kind: "combined"; text: PageText; theirs: PageRevision }
  /** Overlapping changes to decide one by one; nothing is published. */
  | { kind: "conflicts"; merge: PageMerge; theirs: PageRevision }
  /** They deleted the page: there is nothing to merge with. */
  | { kind: "deleted"; theirs: PageRevision };

/** The text a revision stands for: its own, or the file's when it went back to the file. */
function textOf(revision: PageRevision | undefined, file: string | undefined): PageText {
  return editorTextOf(revision?.action === "publish" ? revisionSource(revision) : (file ?? ""));
}

/** Choices posted as `merge-<conflict id>` = mine | theirs; anything else is ignored. */
export function readMergeChoices(formData: FormData): Record<string, MergeChoice> {
  const choices: Record<string, MergeChoice> = {};
  for (const [name, value] of formData.entries()) {
    const id = /^merge-([0-9a-f]{16}(?:-\d{1,3})?)$/.exec(name)?.[1];
    if (id && (value === "mine" || value === "theirs")) choices[id] = value;
  }
  return choices;
}

export async function mergeWithLatest(
  db: Kysely<Database>,
  input: {
    values: Pick<EditorValues, "slug" | "fields" | "body" | "parentId">;
    /** The page's file in content/, if it has one. */
    fileSource: string | undefined;
    latest: PageRevision;
    choices: Readonly<Record<string, MergeChoice>>;
  },
): Promise<MergeOutcome> {
  const { values, fileSource, latest, choices } = input;
  if (latest.action === "delete") return { kind: "deleted", theirs: latest };
  const opened = values.parentId > 0 ? await getPageRevision(db, values.parentId) : undefined;
  // A revision of another page is no base for this one (a tampered form): then the file is.
  const base = textOf(opened?.slug === values.slug ? opened : undefined, fileSource);
  const merge = mergePage(
    base,
    { fields: values.fields, body: values.body },
    textOf(latest, fileSource),
  );
  const text = merge.resolve(choices);
  return text
    ? { kind: "combined", text, theirs: latest }
    : { kind: "conflicts", merge, theirs: latest };
}
