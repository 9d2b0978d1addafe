import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { deleteStoredPageAction } from "@/lib/actions/page-revisions";
import { SAVE_FAILED_TEXT } from "@/lib/staff/content-params";
import { ConfirmDeleteForm } from "./confirm-delete-form";
import { StaffToolbar } from "./staff-toolbar";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { pageClass } from "@/components/ui/form-styles";
import type { Entry, PageRecord } from "@/lib/content/types";
import type { ScheduleStatus } from "@/lib/staff/schedule-status";
import { ScheduledNewPageRow } from "./scheduled-new-page-row";

const STALE_DAYS = 365;

export interface ContentRow {
  page: PageRecord;
  entry?: Entry;
  /** Why the page's newest text cannot be shown: visitors get the last version that could. */
  failure?: string;
  /** A publish scheduled for later, or why the last one was not made. */
  schedule?: ScheduleStatus;
}

/** Every page, from content/ and from the browser, with what staff need to decide what to edit. */
/** What the page list says after a form that answers with a redirect (?notice=…). */
const LIST_NOTICES: Record<string, { tone: "success" | "error"; text: string }> = {
  deleted: { tone: "success", text: "The page was deleted." },
  "save-failed": { tone: "error", text: SAVE_FAILED_TEXT },
  "delete-error": {
    tone: "error",
    text: "Not deleted: tick the box to confirm, then delete again.",
  },
  "scheduled-new": {
    tone: "success",
    text: "Scheduled. The new page is published by itself at the time shown below; until then visitors cannot see it.",
  },
  "schedule-cancelled": {
    tone: "success",
    text: "The scheduled publish is cancelled: nothing will be published.",
  },
  "schedule-too-late": {
    tone: "error",
    text: "Not cancelled: the scheduled publish has already been made, or is being made now.",
  },
};

export function ContentList({
  rows,
  waiting = [],
  unusable,
  now,
  notice,
}: {
  rows: ContentRow[];
  /** New pages scheduled to be published later: in no other row, as they are not pages yet. */
  waiting?: Extract<ScheduleStatus, { kind: "pending" }>[];
  /** Pages stored under an address no page may have: shown to nobody, and offered for deletion. */
  unusable: PageRecord[];
  now: Date;
  notice?: string;
}) {
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold">Pages</h1>
        <Link href="/staff/new-page" className={primaryButtonClass}>
          New page
        </Link>
      </div>
      {notice && LIST_NOTICES[notice] && (
        <Notice tone={LIST_NOTICES[notice].tone}>{LIST_NOTICES[notice].text}</Notice>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">Pages of the site</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-4">
                Title
              </th>
              <th scope="col" className="py-2 pr-4">
                Address
              </th>
              <th scope="col" className="py-2 pr-4">
                Last reviewed
              </th>
              <th scope="col" className="py-2 pr-4">
                State
              </th>
              <th scope="col" className="py-2">
                Browser edits
              </th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((status) => (
              <ScheduledNewPageRow key={`waiting-${status.row.id}`} status={status} />
            ))}
            {rows.map(({ page, entry, failure, schedule }) => {
              const reviewed = entry?.frontmatter.lastReviewed;
              const stale =
                reviewed !== undefined &&
                (now.getTime() - Date.parse(`${reviewed}T00:00:00Z`)) / 86_400_000 > STALE_DAYS;
              return (
                <tr key={page.slug} className="border-b border-line align-top">
                  <td className="py-3 pr-4">
                    <Link
                      href={`/staff/content/${page.slug || "index"}`}
                      className="font-semibold underline"
                    >
                      {entry?.frontmatter.title ?? page.slug}
                    </Link>
                  </td>
                  <td className="py-3 pr-4 font-mono text-sm">{page.href}</td>
                  <td className="py-3 pr-4">
                    {reviewed ?? "–"}
                    {stale && (
                      <strong className="ml-2 rounded bg-danger-soft px-2 text-danger">
                        over a year ago
                      </strong>
                    )}
                  </td>
                  <td className="py-3 pr-4">
                    {page.source === undefined
                      ? "Deleted"
                      : entry?.frontmatter.draft
                        ? "Draft"
                        : "Published"}
                    {failure && (
                      <p className="mt-1 text-sm text-danger" data-testid="page-failing">
                        <strong>Failing:</strong> visitors see the last version that could be shown.
                        Fix and publish again: {failure}
                      </p>
                    )}
                    {schedule && (
                      <p
                        className={`mt-1 text-sm ${schedule.kind === "failed" ? "text-danger" : ""}`}
                        data-testid="page-schedule"
                      >
                        {schedule.kind === "failed" ? (
                          <>
                            <strong>{schedule.text}.</strong> {schedule.reason}
                          </>
                        ) : (
                          schedule.text
                        )}
                      </p>
                    )}
                  </td>
                  <td className="py-3">
                    {page.conflict ? (
                      <Link
                        href={`/staff/content/${page.slug || "index"}/history`}
                        className="font-semibold text-danger underline"
                      >
                        Changed in both places: choose
                      </Link>
                    ) : page.browserEdited ? (
                      page.file ? (
                        "Edited here, not in content/ yet"
                      ) : (
                        "Made here, not in content/ yet"
                      )
                    ) : (
                      "None"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unusable.map((page) => (
        <ConfirmDeleteForm
          key={page.slug}
          id={`delete-stored-${page.revision?.id ?? 0}`}
          action={deleteStoredPageAction}
          fields={{ revision: page.revision?.id ?? 0 }}
          heading={`A page stored at ${JSON.stringify(page.slug)} cannot be shown`}
          explanation={`${page.addressProblem}. Visitors never see it and it cannot be opened in the editor: delete it, then make the page again under a proper address if it is needed.`}
          confirm={`Yes, delete the page stored at ${JSON.stringify(page.slug)}.`}
          button="Delete page"
        />
      ))}
    </div>
  );
}
