import Link from "next/link";
import type { AuditActor, AuditEntry } from "@/lib/db/audit-log";
import {
  AUDIT_PAGE_SIZE,
  AUDIT_QUERY_LABELS,
  auditHref,
  type AuditQuery,
  type AuditQueryField,
} from "@/lib/staff/audit-query";
import { ErrorSummary, fieldId } from "@/components/ui/fields";
import { pageClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";
import { StaffToolbar } from "./staff-toolbar";

interface Props {
  query: AuditQuery;
  entries: readonly AuditEntry[];
  more: boolean;
  total: number;
  people: readonly AuditActor[];
  timeZone: string;
  keptYears: number;
}

/* The owner's view of the audit log: filters, one page of entries, paging and the CSV. */
export function AuditLog({ query, entries, more, total, people, timeZone, keptYears }: Props) {
  const { values, page } = query;
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const problems = (Object.entries(query.errors) as [AuditQueryField, string][]).map(
    ([field, message]) => ({
      target: fieldId(field),
      message: `${AUDIT_QUERY_LABELS[field]}: ${message}`,
    }),
  );
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Audit log</h1>
      <p className="mt-2 max-w-prose">
        Every sign-in, opening of a request, export and change in the staff area, newest first, with
        who did it. Entries cannot be changed or removed; they are kept {keptYears} years. No entry
        holds anything a patient wrote.
      </p>
      <ErrorSummary
        title="Some filters were not used: correct them and show the entries again"
        problems={problems}
      />
      <AuditFilterForm query={query} people={people} />
      {entries.length === 0 ? (
        <p className="my-6" role="status">
          {total === 0 ? "No entries match these filters." : "No entries on this page."}
        </p>
      ) : (
        <>
          <p className="mb-2" role="status">
            Entries {first}–{first + entries.length - 1} of {total}
          </p>
          <AuditTable
            entries={entries}
            caption="Audit log entries, newest first"
            timeZone={timeZone}
          />
        </>
      )}
      {(page > 1 || more) && (
        <nav aria-label="Audit log pages" className="mt-4">
          <ul className="flex flex-wrap gap-3">
            {page > 1 && (
              <li>
                <Link
                  href={auditHref("/staff/audit", values, page - 1)}
                  className={secondaryButtonClass}
                >
                  Newer entries
                </Link>
              </li>
            )}
            {more && (
              <li>
                <Link
                  href={auditHref("/staff/audit", values, page + 1)}
                  className={secondaryButtonClass}
                >
                  Older entries
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      {problems.length === 0 && total > 0 && (
        <p className="mt-6">
          <a
            href={auditHref("/staff/audit.csv", values)}
            download
            className={`${secondaryButtonClass} no-underline`}
          >
            Export these {total} entries as CSV
          </a>
        </p>
      )}
    </div>
  );
}
