import { staffSignInAction } from "@/lib/actions/staff";
import { SIGN_IN_ERRORS, type SignInError } from "@/lib/staff/schemas";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { pageClass } from "@/components/ui/form-styles";

export function SignInForm({ error }: { error?: SignInError }) {
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">Staff sign-in</h1>
      <p className="mt-2 text-ink-muted">For clinic staff only.</p>
      {error && (
        <div id="sign-in-error">
          <Notice tone="error">{SIGN_IN_ERRORS[error]}</Notice>
        </div>
      )}
      <form action={staffSignInAction} className="mt-6 max-w-sm space-y-4">
        <Field
          name="password"
          label="Password"
          formErrorId={error ? "sign-in-error" : undefined}
          inputProps={{ type: "password", autoComplete: "current-password", required: true }}
        />
        <Field
          name="name"
          label="Your name (optional)"
          hint="Shown in the history of what you publish. Your unpublished page drafts are kept under it: give the same name each time to find them again."
          inputProps={{ autoComplete: "name", maxLength: 80 }}
        />
        <button type="submit" className={primaryButtonClass}>
          Sign in
        </button>
      </form>
    </div>
  );
}
