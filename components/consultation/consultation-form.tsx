"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { PhoneLink } from "@/components/ui/phone-link";
import { ErrorSummary } from "@/components/ui/fields";
import { largePrimaryButtonClass } from "@/components/ui/button-styles";
import { submitConsultationAction } from "@/lib/actions/submit-consultation";
import type {
  ConsultationFailure,
  ConsultationState,
  FormMetaValues,
} from "@/lib/consultation/types";
import {
  CONSULTATION_FIELDS,
  META_FIELDS,
  type ClinicContact,
} from "@/lib/validations/consultation-fields";
import type { FieldErrors } from "@/lib/validations/consultation";
import { fieldTarget, FormFields } from "./form-fields";
import { BookingLink } from "@/components/ui/booking-link";
import { RequestReceived } from "./request-received";
import { useClientValidation, validateForm } from "./use-client-validation";

const INITIAL_STATE: ConsultationState = { status: "idle" };

/**
 * The consultation form island. Without JavaScript the same form posts to the
 * page and the server renders the returned state; with it, the action runs
 * without a reload.
 */
export function ConsultationForm({
  meta,
  clinic,
}: {
  meta: FormMetaValues;
  clinic: ClinicContact;
}) {
  const [state, formAction, isPending] = useActionState(submitConsultationAction, INITIAL_STATE);
  // Each answer from the server remounts the form body, so it starts from that answer's values and errors.
  const [seen, setSeen] = useState(state);
  const [version, setVersion] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setVersion((v) => v + 1);
  }

  if (state.status === "received") return <RequestReceived result={state} clinic={clinic} />;
  return (
    <>
      {/* Existing patients book through the clinic's own system; the answer offers it again. */}
      <BookingLink link={clinic.booking ?? null} className="mb-8 text-ink" />
      <FormBody
        key={version}
        state={state}
        meta={meta}
        clinic={clinic}
        action={formAction}
        pending={isPending}
        focusOnMount={version > 0}
      />
    </>
  );
}

type FormBodyProps = {
  state: Exclude<ConsultationState, { status: "received" }>;
  meta: FormMetaValues;
  clinic: ClinicContact;
  action: (formData: FormData) => void;
  pending: boolean;
  focusOnMount: boolean;
};

function FormBody({ state, meta, clinic, action, pending, focusOnMount }: FormBodyProps) {
  const failure = state.status === "idle" ? undefined : state;
  // Keep the first render's token and key, so the fill time and idempotency survive a correction.
  const hidden = {
    token: failure?.meta.token || meta.token,
    key: failure?.meta.key || meta.key,
    from: failure?.meta.from || meta.from,
  };
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
      {summary ? <ConsultationErrorSummary errors={summary} summaryRef={summaryRef} /> : null}
      {failure ? <FormAlert status={failure.status} clinic={clinic} /> : null}
      <input type="hidden" name={META_FIELDS.token} value={hidden.token} />
      <input type="hidden" name={META_FIELDS.key} value={hidden.key} />
      <input type="hidden" name={META_FIELDS.from} value={hidden.from} />
      {/* Hidden from sight, assistive technology and the tab order: only a bot fills it in. */}
      <div hidden aria-hidden="true">
        <label htmlFor="field-website">Website</label>
        <input
          type="text"
          id="field-website"
          name={META_FIELDS.honeypot}
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <FormFields values={failure?.values ?? {}} errors={errors} clinic={clinic} />
      <div>
        <button
          type="submit"
          aria-disabled={pending}
          className={`${largePrimaryButtonClass} aria-disabled:opacity-70`}
        >
          {pending ? "Sending your request…" : "Send request"}
        </button>
        <p aria-live="polite" className="sr-only">
          {pending ? "Sending your request" : ""}
        </p>
      </div>
    </form>
  );
}

/** The list of problems at the top of the form, each a link to its field. */
function ConsultationErrorSummary({
  errors,
  summaryRef,
}: {
  errors: FieldErrors;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const problems = CONSULTATION_FIELDS.flatMap((field) => {
    const message = errors[field.name];
    return message ? [{ target: fieldTarget(field), message }] : [];
  });
  return (
    <ErrorSummary
      ref={summaryRef}
      problems={problems}
      title={`There ${problems.length === 1 ? "is a problem" : `are ${problems.length} problems`} with your request`}
    />
  );
}

/** Problems that are not the visitor's input: too many requests, or our database failing. */
function FormAlert({
  status,
  clinic,
}: {
  status: ConsultationFailure["status"];
  clinic: ClinicContact;
}) {
  if (status === "invalid") return null;
  return (
    <div role="alert" className="rounded-md border-4 border-danger bg-warning-soft p-4 text-ink">
      <h2 className="text-lg font-bold">
        {status === "rate-limited"
          ? "Too many requests from this connection"
          : "We could not send your request"}
      </h2>
      <p className="mt-2">
        {status === "rate-limited"
          ? "We have received several requests from you in a short time. "
          : "Something went wrong on our side and your request was not saved. Your answers are still below. "}
        Please call us on{" "}
        <PhoneLink
          number={clinic.phone}
          className="font-semibold text-ink underline underline-offset-2"
        />
        , or try again in a few minutes.
      </p>
    </div>
  );
}
