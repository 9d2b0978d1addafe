import { cancelScheduledPublishAction } from "@/lib/actions/schedule-publish";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { ScheduleStatus } from "@/lib/staff/schedule-status";

/**
 * On a page's editor: its pending scheduled publish, with Cancel (a plain
 * form, so it works without JavaScript), why the last one was not made, or
 * whose changes it was combined with. Either way the scheduled text can be
 * read, so nothing waiting is hidden.
 */
export function ScheduledPublishNotice({ status }: { status: ScheduleStatus }) {
  const { row } = status;
  const title = (JSON.parse(row.frontmatter) as { title?: unknown }).title;
  const failed = status.kind === "failed";
  return (
    <section
      aria-labelledby="scheduled-heading"
      data-testid="scheduled-publish"
      className={`my-4 rounded-md p-4 ${failed ? "border-2 border-danger bg-danger-soft" : "border border-line bg-brand-soft"}`}
    >
      <h2 id="scheduled-heading" className={`font-semibold ${failed ? "text-danger" : ""}`}>
        {status.text}
        {failed ? "" : "."}
      </h2>
      {failed && <p className="mt-1 text-danger">{status.reason}</p>}
      {status.kind === "pending" && (
        <form action={cancelScheduledPublishAction} className="mt-3">
          <input type="hidden" name="slug" value={row.slug || "index"} />
          <input type="hidden" name="schedule" value={row.id} />
          <button type="submit" className={secondaryButtonClass}>
            Cancel schedule
          </button>
        </form>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer underline">
          {status.kind === "pending"
            ? "The text that will be published"
            : "The text that was scheduled"}
        </summary>
        <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded border border-line bg-surface p-3 font-mono text-sm">
          {`# ${typeof title === "string" ? title : ""}\n\n${row.body}`}
        </pre>
      </details>
    </section>
  );
}
