import type { AuditEntry } from "@/lib/db/audit-log";
import { auditEventLabel, auditObjectLabel, describeAuditDetail } from "@/lib/staff/audit-events";
import { formatDateTime } from "@/lib/staff/format";

interface Props {
  entries: readonly AuditEntry[];
  /** Read as the table's caption. */
  caption: string;
  timeZone: string;
  /** Off where every entry is about the same thing (a request's own page). */
  showObject?: boolean;
}

const cell = "border-b border-line px-3 py-2 text-left align-top";

/* The audit log's entries, newest first; scrolls in its own focusable region on a narrow screen. */
export function AuditTable({ entries, caption, timeZone, showObject = true }: Props) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={cell}>
              When
            </th>
            <th scope="col" className={cell}>
              Who
            </th>
            <th scope="col" className={cell}>
              What
            </th>
            {showObject && (
              <th scope="col" className={cell}>
                About
              </th>
            )}
            <th scope="col" className={cell}>
              Details
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={cell}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
              </td>
              <td className={`${cell} wrap-anywhere`}>
                {entry.accountName ? <bdi>{entry.accountName}</bdi> : "Nobody signed in"}
              </td>
              <th scope="row" className={`${cell} font-normal`}>
                {auditEventLabel(entry.event)}
              </th>
              {showObject && (
                <td className={`${cell} wrap-anywhere`}>
                  {entry.object ? `${auditObjectLabel(entry.object.type)} ${entry.object.id}` : ""}
                </td>
              )}
              <td className={`${cell} wrap-anywhere`}>
                <bdi>{describeAuditDetail(entry.detail)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
