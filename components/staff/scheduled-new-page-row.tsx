import { cancelScheduledPublishAction } from "@/lib/actions/schedule-publish";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { ScheduleStatus } from "@/lib/staff/schedule-status";

/**
 * A new page scheduled to be published later, as a row of the staff page
 * list: visitors cannot see it, and it has no editor page until it is
 * published, so its time, its text and Cancel (a plain form, working without
 * JavaScript) are here.
 */
export function ScheduledNewPageRow({
  status,
}: {
  status: Extract<ScheduleStatus, { kind: "pending" }>;
}) {
  const { row } = status;
  const { title, lastReviewed: reviewed } = JSON.parse(row.frontmatter) as {
    title?: unknown;
    lastReviewed?: unknown;
  };
  const name = typeof title === "string" ? title : `/${row.slug}`;
  return (
    <tr className="border-b border-line align-top" data-testid="scheduled-new-page">
      <td className="py-3 pr-4 font-semibold">{name}</td>
      <td className="py-3 pr-4 font-mono text-sm">/{row.slug}</td>
      <td className="py-3 pr-4">{typeof reviewed === "string" ? reviewed : "–"}</td>
      <td className="py-3 pr-4">
        New page, not published yet
        <p className="mt-1 text-sm" data-testid="page-schedule">
          {status.text}
        </p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer underline">The text that will be published</summary>
          <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded border border-line bg-surface p-3 font-mono">
            {`# ${name}\n\n${row.body}`}
          </pre>
        </details>
        <form action={cancelScheduledPublishAction} className="mt-2">
          <input type="hidden" name="slug" value={row.slug} />
          <input type="hidden" name="schedule" value={row.id} />
          <button type="submit" className={secondaryButtonClass}>
            Cancel schedule<span className="sr-only"> of {name}</span>
          </button>
        </form>
      </td>
      <td className="py-3">Made here, waiting for its time</td>
    </tr>
  );
}
