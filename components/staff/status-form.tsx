import { updateRequestStatusAction } from "@/lib/actions/staff";
import { REQUEST_STATUSES, type RequestStatus } from "@/lib/db/types";
import { statusLabel } from "@/lib/staff/format";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass } from "@/components/ui/form-styles";

export function StatusForm({ reference, status }: { reference: string; status: RequestStatus }) {
  return (
    <form action={updateRequestStatusAction} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="reference" value={reference} />
      <div>
        <label htmlFor="request-status" className="mb-1 block font-semibold">
          Status
        </label>
        <select
          id="request-status"
          name="status"
          defaultValue={status}
          className={`${fieldClass} min-h-11`}
        >
          {REQUEST_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={primaryButtonClass}>
        Update status
      </button>
    </form>
  );
}
