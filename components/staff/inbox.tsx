import type { StaffRequest } from "@/lib/db/staff-requests";
import type { RequestStatus } from "@/lib/db/types";
import { emptyInboxText, statusLabel } from "@/lib/staff/format";
import { Notice } from "@/components/ui/notice";
import { RequestCards } from "./request-cards";
import { RequestsTable } from "./requests-table";
import { StaffToolbar } from "./staff-toolbar";
import { StatusFilter } from "./status-filter";
import { pageClass, secondaryButtonClass } from "@/components/ui/form-styles";

interface Props {
  requests: StaffRequest[];
  newCount: number;
  status?: RequestStatus;
  deleted?: string;
  timeZone: string;
  limit: number;
  /** Only roles that may export see the link (the route refuses the rest anyway). */
  mayExport: boolean;
}

export function Inbox({ requests, newCount, status, deleted, timeZone, limit, mayExport }: Props) {
  const which = status ? `${statusLabel(status).toLowerCase()} requests` : "all requests";
  const list = { requests, timeZone, label: `Consultation requests: ${which}` };
  const exportHref = status ? `/staff/requests.csv?status=${status}` : "/staff/requests.csv";
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Consultation requests</h1>
      <p className="mt-2 text-lg" data-testid="new-count">
        {newCount === 1 ? "1 new request" : `${newCount} new requests`}
      </p>
      {deleted && <Notice tone="success">Request {deleted} was deleted for good.</Notice>}
      <StatusFilter current={status} />
      {requests.length === 0 ? (
        <p className="my-6">{emptyInboxText(status)}</p>
      ) : (
        <>
          <p className="mb-2 text-ink-muted">
            Urgent new requests first (emergencies, then those told to see a doctor today), then
            newest first.
            {requests.length >= limit
              ? ` Only the latest ${limit} are listed${mayExport ? "; export to see all" : ""}.`
              : ""}
          </p>
          {/* Cards on phones, a table from tablet width up; the other is display:none to everyone. */}
          <div className="sm:hidden">
            <RequestCards {...list} />
          </div>
          <div className="hidden sm:block">
            <RequestsTable {...list} />
          </div>
        </>
      )}
      {mayExport && (
        <p className="mt-6">
          <a href={exportHref} download className={`${secondaryButtonClass} no-underline`}>
            Export {which} as CSV
          </a>
        </p>
      )}
    </div>
  );
}
