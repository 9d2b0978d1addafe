import "server-only";
import { pageChanges, type PageChanges } from "@/lib/content/merge/changes";
import { revisionSource } from "@/lib/content/site/site";
import type { PageRecord } from "@/lib/content/types";
import type { PageAction, PageRevision } from "@/lib/db/types";
import { editorTextOf } from "./editor-form";

/*
 * A page's history as staff read it, oldest first: the version in content/
 * where there is one, then every browser revision with what it changed from
 * the version before it and the person, named as their account is now.
 */
export interface HistoryRow {
  key: string;
  kind: "file" | PageAction;
  revision?: PageRevision;
  /** The account's name now, or the name written with the revision. */
  person?: string;
  changes?: PageChanges;
  /** The version the site shows. */
  current: boolean;
}

export function historyRows(
  page: Pick<PageRecord, "file" | "revision">,
  revisions: (PageRevision & { account_name: string | null })[],
): HistoryRow[] {
  const fileText = page.file && editorTextOf(page.file.source);
  const empty = editorTextOf("");
  const rows: HistoryRow[] = [];
  if (fileText)
    rows.push({
      key: "file",
      kind: "file",
      current: !page.revision || page.revision.action === "file",
    });
  let before = fileText ?? empty;
  for (const revision of revisions) {
    const text =
      revision.action === "publish"
        ? editorTextOf(revisionSource(revision))
        : revision.action === "file"
          ? (fileText ?? empty)
          : empty;
    rows.push({
      key: String(revision.id),
      kind: revision.action,
      revision,
      person: revision.account_name ?? revision.author,
      changes: revision.action === "delete" ? undefined : pageChanges(before, text),
      current: revision.id === page.revision?.id && revision.action === "publish",
    });
    before = text;
  }
  return rows;
}
