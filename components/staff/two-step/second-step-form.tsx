"use client";

import { useActionState } from "react";
import { secondStepAction, type SecondStepState } from "@/lib/actions/two-step-sign-in";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";

/* The code after the password: from the app, or a recovery code. Works without JavaScript. */
export function SecondStepForm() {
  const [state, action, busy] = useActionState(secondStepAction, {
    answer: 0,
  } satisfies SecondStepState);
  return (
    <form action={action} key={state.answer} className="mt-6 max-w-sm space-y-2">
      {/* Said once for the whole step (as the sign-in form's problem is), and read with the field. */}
      {state.error ? (
        <p id="second-step-problem" role="alert" className="font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {state.error}
        </p>
      ) : null}
      <Field
        name="code"
        label="Code"
        hint="The 6 digits your authenticator app shows now, or one of your recovery codes (such as abcde-fghjk) if you cannot use the app."
        formErrorId={state.error ? "second-step-problem" : undefined}
        inputProps={{
          autoComplete: "one-time-code",
          autoCapitalize: "none",
          spellCheck: false,
          maxLength: 40,
          required: true,
          defaultValue: state.code,
        }}
      />
      <button type="submit" className={primaryButtonClass} disabled={busy}>
        Continue
      </button>
    </form>
  );
}
