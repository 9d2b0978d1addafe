"use client";

import { useActionState } from "react";
import { saveFollowUpAction } from "@/lib/actions/staff";
import type { FollowUpState } from "@/lib/validations/follow-up";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass } from "@/components/ui/form-styles";

/*
 * The status and a private note are one decision about a request, so one
 * form and one Save keep both: with two forms, pressing "Add note" posted the
 * note alone and a changed status was dropped without a word. A refused or
 * failed save comes back with both as typed, with or without JavaScript.
 */
export function FollowUpForm({
  reference,
  status,
  statuses,
  noteMax,
  noteLimitText,
}: {
  reference: string;
  status: string;
  statuses: { value: string; label: string }[];
  noteMax: number;
  noteLimitText: string;
}) {
  const [state, action, pending] = useActionState(saveFollowUpAction, {
    status,
    note: "",
    answer: 0,
  } satisfies FollowUpState);
  return (
    <form action={action} key={state.answer} className="max-w-measure space-y-4">
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <input type="hidden" name="reference" value={reference} />
      <div>
        <label htmlFor="request-status" className="mb-1 block font-semibold">
          Status
        </label>
        <select
          id="request-status"
          name="status"
          defaultValue={state.status}
          className={`${fieldClass} min-h-11`}
        >
          {statuses.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-2">
        <label htmlFor="request-note" className="block font-semibold">
          Private note (optional)
        </label>
        <p id="request-note-hint" className="text-sm text-ink-muted">
          Only staff see notes. Up to {noteLimitText}.
        </p>
        <textarea
          id="request-note"
          name="note"
          rows={4}
          maxLength={noteMax}
          defaultValue={state.note}
          aria-describedby="request-note-hint"
          className={fieldClass}
        />
      </div>
      <button type="submit" className={primaryButtonClass} disabled={pending}>
        Save
      </button>
    </form>
  );
}
