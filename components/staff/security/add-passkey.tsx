"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import {
  finishPasskeyRegistrationAction,
  passkeyRegistrationOptionsAction,
} from "@/lib/actions/two-step";
import { TWO_STEP_MESSAGES } from "@/lib/validations/two-step-messages";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field, fieldId } from "@/components/ui/fields";

/*
 * Adding a passkey is the browser's WebAuthn API talking to the device, so it
 * needs JavaScript; without it the form says so and does nothing else.
 */
const noChange = () => () => {};

export function AddPasskey({ nameMax }: { nameMax: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [busy, setBusy] = useState(false);
  // False in the server's HTML, true once this script runs.
  const scripted = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setBusy(true);
    setMessage(undefined);
    try {
      const { challengeId, options } = await passkeyRegistrationOptionsAction();
      const response = await startRegistration({ optionsJSON: options });
      const result = await finishPasskeyRegistrationAction({ challengeId, name, response });
      if (result.ok) {
        setMessage({ tone: "success", text: `Passkey “${name.trim()}” added.` });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: result.message });
      }
    } catch {
      // Cancelled on the device, timed out, or this device already holds a passkey for you.
      setMessage({ tone: "error", text: TWO_STEP_MESSAGES["passkey-not-added"] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={add} className="max-w-sm space-y-2">
      {scripted ? null : (
        <p className="font-semibold">
          Adding a passkey needs JavaScript, which is off in this browser. Your password and code
          work without it.
        </p>
      )}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Field
        // A page-wide id that says whose name it is: "name" alone reads as the person's.
        id={fieldId("passkey-name")}
        name="name"
        label="Name of the new passkey"
        hint="Which device holds it, so you can tell your passkeys apart: “Front desk laptop”."
        inputProps={{ required: true, maxLength: nameMax }}
      />
      <button type="submit" className={primaryButtonClass} disabled={busy || !scripted}>
        Add a passkey
      </button>
    </form>
  );
}
