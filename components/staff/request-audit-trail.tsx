import Link from "next/link";
import type { AuditEntry } from "@/lib/db/audit-log";
import { AuditTable } from "./audit-table";

export interface RequestAuditTrailProps {
  reference: string;
  entries: readonly AuditEntry[];
  /** Older entries exist beyond those shown. */
  more: boolean;
  timeZone: string;
  /** The full record on /staff/audit, for roles that may read the audit log. */
  auditHref?: string;
}

/* Every opening, export and change of this request, from the audit log, newest first. */
export function RequestAuditTrail(props: RequestAuditTrailProps) {
  const { reference, entries, more, timeZone, auditHref } = props;
  return (
    <section aria-labelledby="audit-trail-heading" className="mt-10">
      <h2 id="audit-trail-heading" className="mb-3 text-2xl font-semibold">
        Who viewed and changed this request
      </h2>
      <AuditTable
        entries={entries}
        caption={`Who viewed and changed request ${reference}, newest first`}
        timeZone={timeZone}
        showObject={false}
      />
      {(more || auditHref) && (
        <p className="mt-2">
          {more && `Only the newest ${entries.length} are listed. `}
          {auditHref && (
            <Link href={auditHref}>Everything about this request in the audit log</Link>
          )}
        </p>
      )}
    </section>
  );
}
