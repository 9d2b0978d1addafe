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
import type { PageRecord } from "@/lib/content/types";

const ACTIONS = { publish: "Published", delete: "Deleted", file: "Back to content/" };
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

interface Props {
  page: PageRecord;
  title: string;
  revisions: PageRevision[];
  opened?: { revision: PageRevision; source: string };
  notice?: "stale" | "save-failed";
}

/** Every revision of a page, one opened with its changes, and the ways back. */
export function PageHistory({ page, title, revisions, opened, notice }: Props) {
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
            Version of {when(opened.revision.created_at)} by {opened.revision.author}
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

      <h2 className="mt-8 text-xl font-semibold">All revisions</h2>
      {revisions.length === 0 ? (
        <p className="mt-2">No browser edits yet: the page is as in content/.</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {revisions.map((revision) => (
            <li key={revision.id} className="rounded border border-line p-3">
              <p>
                <strong>{ACTIONS[revision.action]}</strong> {when(revision.created_at)} by{" "}
                {revision.author}
                {revision.id === parentId && " (current)"}
              </p>
              {revision.note && <p className="text-ink-muted">{revision.note}</p>}
              {revision.action === "publish" && (
                <Link href={`${base}/history?rev=${revision.id}`} className="underline">
                  Open this version
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
