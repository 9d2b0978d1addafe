"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore } from "react";
import {
  finishPasskeySignInAction,
  passkeySignInOptionsAction,
} from "@/lib/actions/two-step-sign-in";
import { TWO_STEP_MESSAGES } from "@/lib/validations/two-step-messages";
import { Notice } from "@/components/ui/notice";
import { secondaryButtonClass } from "@/components/ui/form-styles";

/*
 * Signing in with a passkey: the browser offers the passkeys it holds for this
 * site, the device checks the person, and the server finds the account from
 * the passkey. It is the browser's WebAuthn API, so it needs JavaScript; with
 * it off, the button is replaced by a sentence saying so.
 */
const noChange = () => () => {};

export function PasskeySignIn({ label = "Use a passkey" }: { label?: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // False in the server's HTML, true once this script runs: without JavaScript no dead button.
  const scripted = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );

  async function signIn() {
    setBusy(true);
    setError(undefined);
    try {
      const started = await passkeySignInOptionsAction();
      if (!started.ok) {
        setError(started.message);
        setBusy(false);
        return;
      }
      const { challengeId, options } = started;
      const response = await startAuthentication({ optionsJSON: options });
      const result = await finishPasskeySignInAction({ challengeId, response });
      if (result.ok) {
        window.location.assign(result.next);
        return;
      }
      setError(result.message);
    } catch {
      // Cancelled on the device, timed out, or no passkey for this site on it.
      setError(TWO_STEP_MESSAGES["passkey-failed"]);
    }
    setBusy(false);
  }

  return (
    <div className="space-y-2">
      {error ? <Notice tone="error">{error}</Notice> : null}
      {scripted ? (
        <button type="button" onClick={signIn} disabled={busy} className={secondaryButtonClass}>
          {label}
        </button>
      ) : (
        <p>
          Signing in with a passkey needs JavaScript, which is off in this browser. Use your
          password and a code instead.
        </p>
      )}
    </div>
  );
}
