"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ConsultationState, FormMetaValues } from "@/lib/consultation/state";
import type { ClinicContact } from "./clinic-contact";
import { ConsentField } from "./consent-field";
import { ErrorSummary } from "./error-summary";
import { FormAlert } from "./form-alert";
import { FormFields } from "./form-fields";
import { HiddenFields } from "./hidden-fields";
import { SubmitButton } from "./submit-button";
import { useClientValidation, validateForm } from "./use-client-validation";

type FormBodyProps = {
  state: Exclude<ConsultationState, { status: "received" }>;
  meta: FormMetaValues;
  clinic: ClinicContact;
  action: (formData: FormData) => void;
  pending: boolean;
  focusOnMount: boolean;
};

export function FormBody({ state, meta, clinic, action, pending, focusOnMount }: FormBodyProps) {
  const failure = state.status === "idle" ? undefined : state;
  const values = failure?.values ?? {};
  // Keep the first render's token and key, so the fill time and idempotency survive a correction.
  const hidden = { token: failure?.meta.token || meta.token, key: failure?.meta.key || meta.key };
  const { errors, setErrors, onBlur, onChange } = useClientValidation(failure?.errors ?? {});
  // The summary lists the problems as of the last submit; it does not change while the visitor
  // fixes them, so a screen reader does not re-announce the alert at every keystroke.
  const [summary, setSummary] = useState(failure?.status === "invalid" ? failure.errors : null);
  const [focusTick, setFocusTick] = useState(focusOnMount && failure?.status === "invalid" ? 1 : 0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    const found = validateForm(event.currentTarget);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setErrors(found);
      setSummary(found);
      setFocusTick((tick) => tick + 1);
    }
  }

  return (
    <form
      action={action}
      onSubmit={onSubmit}
      onBlur={onBlur}
      onChange={onChange}
      noValidate
      className="space-y-8"
    >
      {summary ? <ErrorSummary errors={summary} summaryRef={summaryRef} /> : null}
      {failure ? <FormAlert status={failure.status} clinic={clinic} /> : null}
      <HiddenFields meta={hidden} />
      <FormFields values={values} errors={errors} emergencyNumber={clinic.emergencyNumber} />
      <ConsentField checked={values.consent === "yes"} error={errors.consent} />
      <SubmitButton pending={pending} />
    </form>
  );
}
