import type { StaffRequest } from "@/lib/db/staff-requests";
import { formatDateTime, labelOf, statusLabel } from "@/lib/staff/format";
import { PAIN_AREAS } from "@/lib/validations/consultation-fields";
import { RequestLink } from "./request-link";

interface Props {
  requests: StaffRequest[];
  /** Read as the table's caption. */
  label: string;
  timeZone: string;
}

const cell = "border-b border-line px-3 py-2 text-left align-top";

/* Scrolls inside its own focusable region if it is ever too wide, so the page itself never scrolls sideways. */
export function RequestsTable({ requests, label, timeZone }: Props) {
  return (
    <>
      <div role="region" aria-label="Requests" tabIndex={0} className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                Reference
              </th>
              <th scope="col" className={cell}>
                Received
              </th>
              <th scope="col" className={cell}>
                Name
              </th>
              <th scope="col" className={cell}>
                Pain area
              </th>
              <th scope="col" className={cell}>
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id} className={request.urgent ? "bg-warning-soft" : undefined}>
                <th scope="row" className={cell}>
                  <RequestLink request={request} />
                </th>
                <td className={cell}>{formatDateTime(request.created_at, timeZone)}</td>
                <td className={cell}>
                  <bdi>{request.full_name}</bdi>
                </td>
                <td className={cell}>{labelOf(PAIN_AREAS, request.pain_area)}</td>
                <td className={cell}>{statusLabel(request.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
