import { RED_FLAG_LABELS } from "@/lib/content/red-flags";
import type { StaffRequest } from "@/lib/db/staff-requests";
import {
  formatDateTime,
  labelOf,
  notifyText,
  parseJsonList,
  statusLabel,
  URGENCY_TEXT,
  urgencyOf,
} from "@/lib/staff/format";
import {
  CONTACT_METHODS,
  PAIN_AREAS,
  PAIN_DURATIONS,
  TIME_SLOTS,
} from "@/lib/validations/consultation-options";
import { UrgentBadge } from "./urgent-badge";

/*
 * Every value here is plain text in JSX, so React escapes it: whatever a
 * visitor typed is shown, never run.
 */
export function RequestFields({ request, timeZone }: { request: StaffRequest; timeZone: string }) {
  const times = parseJsonList(request.preferred_times).map((v) => labelOf(TIME_SLOTS, v));
  const flags = parseJsonList(request.red_flags).map((v) => labelOf(RED_FLAG_LABELS, v));
  const level = urgencyOf(request);
  const rows: [string, React.ReactNode][] = [
    ["Reference", request.reference],
    ["Received", formatDateTime(request.created_at, timeZone)],
    ["Status", statusLabel(request.status)],
    ["Clinic email", notifyText(request.notify_state, request.notified_at, timeZone)],
    // <bdi>: a name in another script, or one stored with direction marks, cannot reorder the text around it.
    ["Name", <bdi key="name">{request.full_name}</bdi>],
    ["Email", request.email],
    ["Phone", request.phone ?? "Not given"],
    ["Preferred contact", labelOf(CONTACT_METHODS, request.preferred_contact)],
    ["Pain area", labelOf(PAIN_AREAS, request.pain_area)],
    ["Pain duration", labelOf(PAIN_DURATIONS, request.pain_duration)],
    ["Preferred times", times.length ? times.join("; ") : "None given"],
    ["First visit", request.first_visit ? "Yes" : "No, has been before"],
    [
      "Warning symptoms",
      flags.length ? (
        <ul className="list-disc pl-5">
          {flags.map((flag) => (
            <li key={flag}>{flag}</li>
          ))}
        </ul>
      ) : (
        "None ticked"
      ),
    ],
    [
      "Message",
      request.message ? (
        <span className="whitespace-pre-wrap">{request.message}</span>
      ) : (
        "No message"
      ),
    ],
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
