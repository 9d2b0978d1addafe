"use client";

import { useActionState } from "react";
import {
  authenticatorAction,
  finishEnrolAction,
  startTotpSetupAction,
  type AuthenticatorState,
} from "@/lib/actions/two-step";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { RecoveryCodesShown } from "./recovery-codes-shown";

/*
 * The authenticator app and the recovery codes in one component, so that the
 * codes answered by a confirmation stay on screen when the page around them
 * changes from "set up" to "in use" (with or without JavaScript).
 */
export interface PendingSetup {
  keyGrouped: string;
  qrSvg: string;
}

export function AuthenticatorSection({
  confirmedAt,
  pending,
  remainingCodes,
  codeCount,
}: {
  /** When the app in use was confirmed, formatted; undefined when none is. */
  confirmedAt?: string;
  pending?: PendingSetup;
  remainingCodes: number;
  codeCount: number;
}) {
  const [state, action, busy] = useActionState(authenticatorAction, {
    answer: 0,
  } satisfies AuthenticatorState);
  if (state.codes && state.enrolled) {
    return (
      <section aria-labelledby="authenticator" className="mt-8 space-y-4">
        <h2 id="authenticator" className="text-2xl font-semibold">
          Your app is set up
        </h2>
        <RecoveryCodesShown codes={state.codes} />
        <form action={finishEnrolAction}>
          <button type="submit" className={primaryButtonClass}>
            I have kept my codes: continue
          </button>
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="authenticator" className="mt-8 space-y-4">
      <h2 id="authenticator" className="text-2xl font-semibold">
        Authenticator app
      </h2>
      {state.codes ? <RecoveryCodesShown codes={state.codes} /> : null}
      {confirmedAt ? (
        <p>
          In use since {confirmedAt}. At sign-in, after your password, enter the 6-digit code it
          shows.
        </p>
      ) : (
        <p>
          Not set up yet. An app such as Google Authenticator, Microsoft Authenticator, 1Password or
          Bitwarden shows a new 6-digit code every 30 seconds, which you enter after your password.
        </p>
      )}

      {pending ? (
        <div className="space-y-4 rounded-md border border-line p-4">
          <h3 className="text-xl font-semibold">
            {confirmedAt ? "Replace your authenticator app" : "Set up your authenticator app"}
          </h3>
          {confirmedAt ? (
            <p>Your current app keeps working until you confirm the new one below.</p>
          ) : null}
          <ol className="list-decimal space-y-4 pl-5">
            <li>
              In your app, add an account and scan this code:
              <div
                role="img"
                aria-label="QR code of the key below, for your authenticator app"
                className="mt-2 w-48 max-w-full bg-white p-1"
                dangerouslySetInnerHTML={{ __html: pending.qrSvg }}
              />
            </li>
            <li>
              Or, if you cannot scan, choose to enter a key and type this one (spaces do not
              matter):
              <p className="mt-2">
                <code
                  data-testid="totp-key"
                  className="inline-block rounded bg-surface-raised px-2 py-1 font-mono text-lg tracking-wider wrap-anywhere"
                >
                  {pending.keyGrouped}
                </code>
              </p>
            </li>
            <li>
              <form action={action} key={state.answer} className="max-w-sm space-y-2">
                <input type="hidden" name="intent" value="confirm" />
                <Field
                  name="code"
                  label="The 6-digit code your app shows now"
                  errors={state.error}
                  // The messages say which code ("That code did not match the key above").
                  messagesNameField
                  inputProps={{
                    inputMode: "numeric",
                    autoComplete: "one-time-code",
                    maxLength: 12,
                    required: true,
                    defaultValue: state.code,
                  }}
                />
                <button type="submit" className={primaryButtonClass} disabled={busy}>
                  Confirm app
                </button>
              </form>
            </li>
          </ol>
        </div>
      ) : (
        <form action={startTotpSetupAction}>
          <button type="submit" className={confirmedAt ? secondaryButtonClass : primaryButtonClass}>
            {confirmedAt ? "Replace with another app" : "Set up an authenticator app"}
          </button>
        </form>
      )}

      {confirmedAt ? (
        <div className="space-y-2">
          <h3 className="text-xl font-semibold">Recovery codes</h3>
          {state.error && !pending ? <Notice tone="error">{state.error}</Notice> : null}
          <p data-testid="recovery-remaining">
            {remainingCodes} of {codeCount} recovery codes unused. Each one signs you in once
            without your app, for example when your phone is lost.
          </p>
          <form action={action}>
            <input type="hidden" name="intent" value="regenerate" />
            <button type="submit" className={secondaryButtonClass} disabled={busy}>
              Make new recovery codes
            </button>
          </form>
          <p className="text-sm text-ink-muted">New codes replace all earlier ones.</p>
        </div>
      ) : null}
    </section>
  );
}
