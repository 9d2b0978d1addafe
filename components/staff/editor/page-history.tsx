import Link from "next/link";
import {
  backToFileAction,
  keepBrowserVersionAction,
  restoreRevisionAction,
} from "@/lib/actions/page-revisions";
import type { PageRevision } from "@/lib/db/types";
import { SAVE_FAILED_TEXT, staffPageHref } from "@/lib/staff/content-params";
import { Notice } from "@/components/ui/notice";
import { StaffToolbar } from "../staff-toolbar";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { pageClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { LineDiff } from "./line-diff";
import { MARKS_LEGEND, marksClass, RenderedChange, WordChanges } from "./rendered-change";
import type { PageChanges } from "@/lib/content/merge/changes";
import { formatDateTime } from "@/lib/staff/format";
import type { HistoryRow } from "@/lib/staff/page-history";
import { EDITOR_FIELD_SPECS } from "@/lib/validations/editor-state";
import type { PageRecord } from "@/lib/content/types";

const ACTIONS = { publish: "Published", delete: "Deleted", file: "Back to content/" };

interface Props {
  page: PageRecord;
  title: string;
  rows: HistoryRow[];
  opened?: { revision: PageRevision; source: string };
  notice?: "stale" | "save-failed";
  /** The clinic's: every time is shown as its clock reads. */
  timeZone: string;
}

/** Every version of a page with what each changed, one opened in full, and the ways back. */
export function PageHistory({ page, title, rows, opened, notice, timeZone }: Props) {
  const when = (iso: string) => formatDateTime(iso, timeZone);
  const base = staffPageHref(page.slug);
  const parentId = page.revision?.id ?? 0;
  const hidden = (
    <>
      <input type="hidden" name="slug" value={page.slug || "index"} />
      <input type="hidden" name="parentId" value={parentId} />
    </>
  );
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">History: {title}</h1>
      <p className="mt-2">
        <Link href={base} className="underline">
          Back to the editor
        </Link>
      </p>
      {notice === "stale" && (
        <Notice tone="error">
          Someone changed the page meanwhile: look at the history again and retry.
        </Notice>
      )}
      {notice === "save-failed" && <Notice tone="error">{SAVE_FAILED_TEXT}</Notice>}

      {page.conflict && page.file && (
        <section
          aria-labelledby="both-heading"
          className="mt-6 rounded-lg border-2 border-danger p-4"
        >
          <h2 id="both-heading" className="text-xl font-semibold">
            Changed in both places
          </h2>
          <p className="mt-2">
            The file in content/ changed after this page was edited in the browser. The site shows
            the browser version until you choose. Changes from the browser version to the file:
          </p>
          <LineDiff from={page.source ?? ""} to={page.file.source} />
          <div className="mt-3 flex flex-wrap gap-3">
            <form action={keepBrowserVersionAction}>
              {hidden}
              <button type="submit" className={primaryButtonClass}>
                Keep the browser version
              </button>
            </form>
            <form action={backToFileAction}>
              {hidden}
              <button type="submit" className={secondaryButtonClass}>
                Use the file from content/
              </button>
            </form>
          </div>
        </section>
      )}

      {page.file && page.browserEdited && !page.conflict && (
        <form action={backToFileAction} className="mt-6">
          {hidden}
          <button type="submit" className={secondaryButtonClass}>
            Go back to the version in content/
          </button>
        </form>
      )}

      {opened && (
        <section aria-labelledby="opened-heading" className="mt-8">
          <h2 id="opened-heading" className="text-xl font-semibold">
            Version of {when(opened.revision.created_at)} by{" "}
            {rows.find((row) => row.revision?.id === opened.revision.id)?.person ??
              opened.revision.author}
          </h2>
          <h3 className="mt-4 font-semibold">Changes from this version to the current text</h3>
          <LineDiff from={opened.source} to={page.source ?? ""} />
          <h3 className="mt-4 font-semibold">This version in full</h3>
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded border border-line p-3 font-mono text-sm">
            {opened.source}
          </pre>
          <form action={restoreRevisionAction} className="mt-3">
            {hidden}
            <input type="hidden" name="revision" value={opened.revision.id} />
            <button type="submit" className={primaryButtonClass}>
              Restore this version
            </button>
          </form>
        </section>
      )}

      <h2 id="history-heading" className="mt-8 text-xl font-semibold">
        History, oldest first
      </h2>
      <p className="mt-2 text-ink-muted">Each version with what it changed. {MARKS_LEGEND}</p>
      <ol aria-labelledby="history-heading" className={`mt-2 space-y-3 ${marksClass}`}>
        {rows.map((row) => (
          <li key={row.key} className="rounded border border-line p-3">
            {row.kind === "file" || !row.revision ? (
              <>
                <p>
                  <strong>Version in content/ (from the files)</strong>
                  {row.current && " (current)"}
                </p>
                <p className="text-ink-muted">
                  Where the page starts: the file in content/, as deployed.
                </p>
              </>
            ) : (
              <>
                <p>
                  <strong>{ACTIONS[row.revision.action]}</strong> {when(row.revision.created_at)} by{" "}
                  {row.person}
                  {row.current && " (current)"}
                </p>
                {row.revision.note && <p className="text-ink-muted">{row.revision.note}</p>}
                {row.changes && <Changes changes={row.changes} />}
                {row.revision.action === "publish" && (
                  <Link href={`${base}/history?rev=${row.revision.id}`} className="underline">
                    Open this version
                  </Link>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {rows.length === 0 && <p className="mt-2">No versions yet.</p>}
    </div>
  );
}

/** What one version changed: page details as text, the page text rendered, changed words marked. */
function Changes({ changes }: { changes: PageChanges }) {
  if (changes.fields.length === 0 && changes.blocks.length === 0)
    return <p className="mt-1 text-ink-muted">No change to the text.</p>;
  return (
    <div className="mt-2 space-y-2">
      {changes.fields.map((change) => (
        <p key={change.field}>
          <strong>{EDITOR_FIELD_SPECS[change.field].label}:</strong>{" "}
          <WordChanges from={change.from} to={change.to} />
        </p>
      ))}
      {changes.blocks.map((change, index) => (
        <div key={index} className="rounded border border-line p-3">
          {change.to.trim() ? (
            <RenderedChange from={change.from} to={change.to} />
          ) : (
            <p>
              <WordChanges from={change.from} to="" />
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
