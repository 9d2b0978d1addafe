"use client";

import { useActionState } from "react";
import { saveFollowUpAction } from "@/lib/actions/staff";
import type { FollowUpState } from "@/lib/validations/follow-up";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { SelectField, TextareaField } from "@/components/ui/fields";

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
      <SelectField
        name="status"
        label="Status"
        options={statuses}
        selectProps={{ defaultValue: state.status }}
      />
      <TextareaField
        name="note"
        label="Private note (optional)"
        hint={`Only staff see notes. Up to ${noteLimitText}.`}
        textareaProps={{ rows: 4, maxLength: noteMax, defaultValue: state.note }}
      />
      <button type="submit" className={primaryButtonClass} disabled={pending}>
        Save
      </button>
    </form>
  );
}
