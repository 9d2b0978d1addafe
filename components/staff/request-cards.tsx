import type { StaffRequest } from "@/lib/db/staff-requests";
import { formatDateTime, labelOf, statusLabel } from "@/lib/staff/format";
import { PAIN_AREAS } from "@/lib/validations/consultation-fields";
import { RequestLink } from "./request-link";

/* The inbox on a phone: one card per request, read top to bottom, nothing to scroll sideways. */
export function RequestCards({
  requests,
  timeZone,
  label,
}: {
  requests: StaffRequest[];
  timeZone: string;
  label: string;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-line border-y border-line">
      {requests.map((request) => (
        // Visitors type anything, including words longer than a phone is wide.
        <li
          key={request.id}
          className={`px-3 py-3 wrap-anywhere ${request.urgent ? "bg-warning-soft" : ""}`}
        >
          <p className="flex flex-wrap items-center gap-x-2">
            <RequestLink request={request} />
            <span className="ml-auto">{statusLabel(request.status)}</span>
          </p>
          <p className="font-semibold">
            <bdi>{request.full_name}</bdi>
          </p>
          <p className="text-ink-muted">
            {labelOf(PAIN_AREAS, request.pain_area)} ·{" "}
            {formatDateTime(request.created_at, timeZone)}
          </p>
        </li>
      ))}
    </ul>
  );
}
