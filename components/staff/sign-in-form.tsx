import { staffSignInAction } from "@/lib/actions/staff-sign-in";
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES } from "@/lib/staff/lockout";
import type { SIGN_IN_ERRORS } from "@/lib/staff/schemas";
import { Notice } from "./notice";
import { primaryButtonClass } from "@/components/layout/styles";
import { fieldClass, pageClass } from "./styles";

type SignInError = (typeof SIGN_IN_ERRORS)[number];

const MESSAGES: Record<SignInError, string> = {
  missing: "Enter the staff password.",
  wrong: `That password is not right. After ${LOCKOUT_ATTEMPTS} wrong attempts in ${LOCKOUT_MINUTES} minutes, sign-in is locked.`,
  locked: `Too many wrong passwords from this device. Sign-in is locked for up to ${LOCKOUT_MINUTES} minutes; please wait and try again.`,
};

export function SignInForm({ error }: { error?: SignInError }) {
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">Staff sign-in</h1>
      <p className="mt-2 text-ink-muted">For clinic staff only.</p>
      {error && (
        <div id="sign-in-error">
          <Notice tone="error">{MESSAGES[error]}</Notice>
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
        <button type="submit" className={primaryButtonClass}>
          Sign in
        </button>
      </form>
    </div>
  );
}
