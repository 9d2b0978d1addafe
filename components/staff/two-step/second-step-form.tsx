"use client";

import { useActionState } from "react";
import { secondStepAction, type SecondStepState } from "@/lib/actions/two-step-sign-in";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass } from "@/components/ui/form-styles";

/* The code after the password: from the app, or a recovery code. Works without JavaScript. */
export function SecondStepForm() {
  const [state, action, busy] = useActionState(secondStepAction, {
    answer: 0,
  } satisfies SecondStepState);
  return (
    <form action={action} key={state.answer} className="mt-6 max-w-sm space-y-2">
      <label htmlFor="field-code" className="block font-semibold">
        Code
      </label>
      <p id="field-code-hint" className="text-sm text-ink-muted">
        The 6 digits your authenticator app shows now, or one of your recovery codes (such as
        abcde-fghjk) if you cannot use the app.
      </p>
      {state.error ? (
        <p id="field-code-error" role="alert" className="font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {state.error}
        </p>
      ) : null}
      <input
        id="field-code"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={40}
        required
        defaultValue={state.code}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? "field-code-hint field-code-error" : "field-code-hint"}
        className={fieldClass}
      />
      <button type="submit" className={primaryButtonClass} disabled={busy}>
        Continue
      </button>
    </form>
  );
}
