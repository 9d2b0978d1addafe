import { staffSignInAction } from "@/lib/actions/staff";
import { SIGN_IN_ERRORS, type SignInError } from "@/lib/staff/schemas";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass, pageClass } from "@/components/ui/form-styles";

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
        <div>
          <label htmlFor="staff-password" className="mb-1 block font-semibold">
            Password
          </label>
          <input
            id="staff-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
            className={fieldClass}
          />
        </div>
        <div>
          <label htmlFor="staff-name" className="mb-1 block font-semibold">
            Your name (optional)
          </label>
          <p id="staff-name-help" className="mb-1 text-sm text-ink-muted">
            Shown in the history of what you publish. Your unpublished page drafts are kept under
            it: give the same name each time to find them again.
          </p>
          <input
            id="staff-name"
            name="name"
            autoComplete="name"
            maxLength={80}
            aria-describedby="staff-name-help"
            className={fieldClass}
          />
        </div>
        <button type="submit" className={primaryButtonClass}>
          Sign in
        </button>
      </form>
    </div>
  );
}
