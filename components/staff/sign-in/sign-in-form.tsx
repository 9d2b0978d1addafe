"use client";

import Link from "next/link";
import { useActionState } from "react";
import { staffSignInAction } from "@/lib/actions/staff-sign-in";
import type { SignInState } from "@/lib/validations/staff-sign-in";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { pageClass } from "@/components/ui/form-styles";
import { Field } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";
import { PasskeySignIn } from "@/components/staff/two-step/passkey-sign-in";

export function SignInForm({ canResetByEmail }: { canResetByEmail: boolean }) {
  const [state, action, pending] = useActionState(staffSignInAction, { email: "" } as SignInState);
  const problem = state.problem;
  const fieldError = (field: string) => (problem?.field === field ? problem.message : undefined);
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">Staff sign-in</h1>
      <p className="mt-2 text-ink-muted">For clinic staff with an account.</p>
      {problem && (
        <div key={state.answer} id="sign-in-problem">
          <Notice tone="error">{problem.message}</Notice>
        </div>
      )}
      <form action={action} className="mt-6 max-w-sm space-y-4">
        <Field
          key={`email-${state.answer ?? 0}`}
          name="email"
          label="Email"
          errors={fieldError("email")}
          messagesNameField
          formErrorId={problem?.field === "form" ? "sign-in-problem" : undefined}
          inputProps={{
            type: "email",
            autoComplete: "username",
            required: true,
            maxLength: 254,
            defaultValue: state.email,
          }}
        />
        <Field
          name="password"
          label="Password"
          errors={fieldError("password")}
          messagesNameField
          formErrorId={problem?.field === "form" ? "sign-in-problem" : undefined}
          inputProps={{ type: "password", autoComplete: "current-password", required: true }}
        />
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Sign in
        </button>
      </form>
      <section aria-labelledby="passkey-sign-in" className="mt-8 max-w-sm space-y-2">
        <h2 id="passkey-sign-in" className="text-xl font-semibold">
          Or sign in with a passkey
        </h2>
        <p className="text-sm text-ink-muted">
          In place of your password and code, once you have added a passkey under Sign-in security.
        </p>
        <PasskeySignIn />
      </section>
      <p className="mt-6 max-w-measure text-sm">
        {canResetByEmail ? (
          <Link href="/staff/forgot-password">Forgot your password?</Link>
        ) : (
          "Forgot your password? Ask the clinic's site owner to reset your account."
        )}
      </p>
    </div>
  );
}
