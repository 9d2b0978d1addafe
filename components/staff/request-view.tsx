import type { StaffRequestWithEvents } from "@/lib/db/staff-requests";
import {
  NOTE_LIMIT_TEXT,
  NOTE_MAX,
  REQUEST_NOTICES,
  type RequestNotice,
} from "@/lib/staff/schemas";
import { deleteRequestAction } from "@/lib/actions/staff";
import { ConfirmDeleteForm } from "./confirm-delete-form";
import { Notice } from "@/components/ui/notice";
import { RequestFields } from "./request-fields";
import { RequestAuditTrail, type RequestAuditTrailProps } from "./request-audit-trail";
import { RequestHistory } from "./request-history";
import { StaffToolbar } from "./staff-toolbar";
import { FollowUpForm } from "./edit-forms/follow-up-form";
import { REQUEST_STATUSES } from "@/lib/db/types";
import { statusLabel } from "@/lib/staff/format";
import { AUDIT_UNAVAILABLE_TEXT } from "@/lib/staff/audit";
import { pageClass } from "@/components/ui/form-styles";

interface Props {
  request: StaffRequestWithEvents;
  notice?: RequestNotice;
  timeZone: string;
  trail: RequestAuditTrailProps;
  /** Only roles that may delete see the form (the action refuses the rest anyway). */
  mayDelete: boolean;
}

export function RequestView({ request, notice, timeZone, trail, mayDelete }: Props) {
  const message = notice ? REQUEST_NOTICES[notice] : undefined;
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Request {request.reference}</h1>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="mt-6">
        <RequestFields request={request} timeZone={timeZone} />
      </div>
      <section aria-labelledby="actions-heading" className="mt-10">
        <h2 id="actions-heading" className="mb-3 text-2xl font-semibold">
          Follow up
        </h2>
        <FollowUpForm
          reference={request.reference}
          status={request.status}
          statuses={REQUEST_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          noteMax={NOTE_MAX}
          noteLimitText={NOTE_LIMIT_TEXT}
        />
      </section>
      <RequestHistory events={request.events} timeZone={timeZone} />
      <RequestAuditTrail {...trail} />
      {mayDelete && (
        <ConfirmDeleteForm
          id="delete"
          action={deleteRequestAction}
          fields={{ reference: request.reference }}
          heading="Delete this request"
          explanation="Use this when a patient asks for their data to be erased. The request and its history are removed for good and cannot be brought back."
          confirm={`I understand that request ${request.reference} will be permanently deleted.`}
          button="Delete permanently"
        />
      )}
    </div>
  );
}

/* When the opening of a request cannot be recorded, nothing of it is shown (lib/staff/audit.ts). */
export function RequestNotShown({ reference }: { reference: string }) {
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Request {reference}</h1>
      <Notice tone="error">{AUDIT_UNAVAILABLE_TEXT}</Notice>
    </div>
  );
}
