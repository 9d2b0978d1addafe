"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/lib/actions/staff-sign-in";
import type { ForgotState } from "@/lib/validations/staff-sign-in";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, {
    email: "",
  } as ForgotState);
  const problem = state.problem;
  return (
    <>
      {problem && (
        <div key={state.answer}>
          <Notice tone="error">{problem.message}</Notice>
        </div>
      )}
      {state.sent && (
        <div key={state.answer}>
          {/* The same words whether the address has an account or not. */}
          <Notice tone="success">
            If {state.email} belongs to a staff account, a link to choose a new password is on its
            way. It works once, for 72 hours. Nothing arrived? Check the address, or ask the
            clinic&apos;s site owner.
          </Notice>
        </div>
      )}
      <form action={action} className="mt-6 max-w-sm space-y-4">
        <Field
          key={`email-${state.answer ?? 0}`}
          name="email"
          label="Email"
          errors={problem?.field === "email" ? problem.message : undefined}
          messagesNameField
          inputProps={{
            type: "email",
            autoComplete: "username",
            required: true,
            maxLength: 254,
            defaultValue: state.email,
          }}
        />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Email me a link
        </button>
      </form>
    </>
  );
}
