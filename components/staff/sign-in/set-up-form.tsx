"use client";

import { useActionState } from "react";
import { staffSetUpAction } from "@/lib/actions/staff-sign-in";
import type { SetUpState } from "@/lib/validations/staff-sign-in";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";

/** Name and password, from an invitation or reset link (app/staff/set-up). */
export function SetUpForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [state, action, pending] = useActionState(staffSetUpAction, { name } as SetUpState);
  const problem = state.problem;
  const fieldError = (field: string) => (problem?.field === field ? problem.message : undefined);
  return (
    <>
      {problem && (
        <div key={state.answer}>
          <Notice tone="error">{problem.message}</Notice>
        </div>
      )}
      <form action={action} className="mt-6 max-w-md space-y-4">
        <input type="hidden" name="token" value={token} />
        {/* Lets a password manager store the new password under the right address. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <Field
          key={`name-${state.answer ?? 0}`}
          name="name"
          label="Your name"
          hint="Shown to colleagues and in the history of what you change."
          errors={fieldError("name")}
          messagesNameField
          inputProps={{
            autoComplete: "name",
            required: true,
            maxLength: 80,
            defaultValue: state.name,
          }}
        />
        <Field
          name="password"
          label="Password"
          hint="At least 12 characters; not a common password, your email or your name. A few unrelated words make a good one."
          errors={fieldError("password")}
          messagesNameField
          inputProps={{
            type: "password",
            autoComplete: "new-password",
            required: true,
            minLength: 12,
          }}
        />
        <Field
          name="confirm"
          label="Password again"
          errors={fieldError("confirm")}
          messagesNameField
          inputProps={{ type: "password", autoComplete: "new-password", required: true }}
        />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Save and sign in
        </button>
      </form>
    </>
  );
}
