import type { ReactNode } from "react";
import type { StaffRequest } from "@/lib/db/staff-requests";
import {
  ackText,
  answerOf,
  formatDateTime,
  notifyText,
  STAFF_FIELDS,
  statusLabel,
  URGENCY_TEXT,
  urgencyOf,
} from "@/lib/staff/format";
import { UrgentBadge } from "./urgent-badge";

/*
 * Every value here is plain text in JSX, so React escapes it: whatever a
 * visitor typed is shown, never run.
 */
export function RequestFields({ request, timeZone }: { request: StaffRequest; timeZone: string }) {
  const level = urgencyOf(request);
  const rows: [string, ReactNode][] = [
    ["Reference", request.reference],
    ["Received", formatDateTime(request.created_at, timeZone)],
    ["Status", statusLabel(request.status)],
    ["Clinic email", notifyText(request.notify_state, request.notified_at, timeZone)],
    ["Acknowledgement", ackText(request.ack_state, request.acked_at, timeZone)],
    ...STAFF_FIELDS.map((field): [string, ReactNode] => {
      const answer = answerOf(field, request);
      const empty = "staffEmpty" in field ? field.staffEmpty : "";
      if (answer.length === 0) return [field.staff, empty];
      if (field.kind === "checkbox") {
        return [
          field.staff,
          <ul key={field.name} className="list-disc pl-5">
            {answer.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>,
        ];
      }
      if (field.kind === "textarea") {
        return [
          field.staff,
          <span key={field.name} className="whitespace-pre-wrap">
            {answer[0]}
          </span>,
        ];
      }
      // <bdi>: text in another script, or stored with direction marks, cannot reorder what is around it.
      if (field.kind === "radio" || field.kind === "yes-no") return [field.staff, answer[0]];
      return [field.staff, <bdi key={field.name}>{answer[0]}</bdi>];
    }),
  ];
  return (
    <>
      {level ? (
        <p
          data-testid="urgency"
          className="my-4 rounded-md border-2 border-danger bg-danger-soft px-4 py-3 text-danger"
        >
          <UrgentBadge level={level} /> {URGENCY_TEXT[level].told}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className="wrap-anywhere" data-field={term}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
