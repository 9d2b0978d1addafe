import "server-only";
import type { Kysely } from "kysely";
import {
  mergePage,
  type MergeChoice,
  type MergeConflict,
  type PageMerge,
  type PageText,
} from "@/lib/content/merge/merge-page";
import { revisionSource } from "@/lib/content/site/site";
import { getPageRevision } from "@/lib/db/content-revisions";
import type { Database, PageRevision } from "@/lib/db/types";
import type { PageRecord } from "@/lib/content/types";
import type { EditorValues } from "@/lib/validations/editor-state";
import { staffPageHref } from "./content-params";
import { editorTextOf } from "./editor-form";
import { formatTimeOfDay } from "./format";

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

const CHOICE_ID = /^[0-9a-f]{16}(?:-\d{1,3})?$/;

/** Choices posted as `merge-<conflict id>` = mine | theirs; anything else is ignored. */
export function readMergeChoices(formData: FormData): Record<string, MergeChoice> {
  const choices: Record<string, MergeChoice> = {};
  for (const [name, value] of formData.entries()) {
    const id = name.startsWith("merge-") ? name.slice("merge-".length) : "";
    if (CHOICE_ID.test(id) && (value === "mine" || value === "theirs")) choices[id] = value;
  }
  return choices;
}

/**
 * The editor opened on the typed text (kept as the draft) with the overlaps to
 * decide, and the choices already made (`keep=<id>.mine`) ticked again.
 */
export function mergeHref(slug: string, choices: Readonly<Record<string, MergeChoice>>): string {
  const keep = Object.entries(choices).map(([id, choice]) => `&keep=${id}.${choice}`);
  return `${staffPageHref(slug)}?draft=continue&merge=1${keep.join("")}#merge-heading`;
}

/** The choices carried in the editor's address by mergeHref. */
export function choicesFromQuery(keep: string | string[] | undefined): Record<string, MergeChoice> {
  const choices: Record<string, MergeChoice> = {};
  for (const entry of [keep ?? []].flat().slice(0, 200)) {
    const [id = "", choice] = entry.split(".");
    if (CHOICE_ID.test(id) && (choice === "mine" || choice === "theirs")) choices[id] = choice;
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

/** What the editor shows when it opens on a text that overlaps a colleague's publish. */
export interface OpenMerge {
  theirs: { author: string; createdAt: string };
  conflicts: MergeConflict[];
  choices: Record<string, MergeChoice>;
}

/**
 * The overlaps between the text the editor opens on (the draft kept by a
 * refused publish) and the newest revision; undefined when nobody published
 * since the text was opened.
 */
export async function openMerge(
  db: Kysely<Database>,
  input: {
    values: Pick<EditorValues, "slug" | "fields" | "body" | "parentId">;
    page: Pick<PageRecord, "revision" | "file">;
    choices: Record<string, MergeChoice>;
  },
): Promise<OpenMerge | undefined> {
  const latest = input.page.revision;
  if (!latest || latest.id === input.values.parentId) return undefined;
  const outcome = await mergeWithLatest(db, {
    values: input.values,
    fileSource: input.page.file?.source,
    latest,
    choices: {},
  });
  return {
    theirs: { author: latest.author, createdAt: latest.created_at },
    conflicts: outcome.kind === "conflicts" ? outcome.merge.conflicts : [],
    choices: input.choices,
  };
}

/** Said after a publish that combined the typed text with a colleague's: whose, and of when. */
export async function combinedNotice(
  db: Kysely<Database>,
  page: Pick<PageRecord, "revision">,
  timeZone: string,
): Promise<string | undefined> {
  const parentId = page.revision?.parent_id;
  const theirs = parentId ? await getPageRevision(db, parentId) : undefined;
  return (
    theirs &&
    `Published, combined with ${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, timeZone)}. Visitors see it now.`
  );
}
