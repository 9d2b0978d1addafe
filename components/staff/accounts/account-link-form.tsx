"use client";

import { useActionState } from "react";
import type { LinkState } from "@/lib/validations/staff-accounts";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { Notice } from "@/components/ui/notice";
import { LinkShown } from "./link-shown";

/*
 * One account's "Re-send invitation" or "Reset": a button whose answer shows
 * the new set-up link once, under it. Works without JavaScript.
 */
export function AccountLinkForm({
  action,
  accountId,
  label,
  what,
}: {
  action: (previous: LinkState, formData: FormData) => Promise<LinkState>;
  accountId: string;
  /** The button: says what it does and to whom. */
  label: string;
  /** What the link shown is: "New invitation link", "Reset link". */
  what: string;
}) {
  const [state, formAction, pending] = useActionState(action, { answer: 0 } as LinkState);
  return (
    <div>
      <form action={formAction}>
        <input type="hidden" name="account" value={accountId} />
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          {label}
        </button>
      </form>
      {state.link && state.email ? (
        <LinkShown
          id={`link-${accountId}`}
          link={state.link}
          email={state.email}
          emailed={Boolean(state.emailed)}
          hours={state.hours ?? 0}
          what={what}
        />
      ) : null}
      {state.error ? (
        <div key={state.answer}>
          <Notice tone="error">{state.error}</Notice>
        </div>
      ) : null}
    </div>
  );
}
