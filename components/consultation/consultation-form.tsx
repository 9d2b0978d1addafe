"use client";

import { useActionState, useState } from "react";
import { submitConsultationAction } from "@/lib/actions/submit-consultation";
import { INITIAL_STATE, type FormMetaValues } from "@/lib/consultation/state";
import type { ClinicContact } from "./clinic-contact";
import { FormBody } from "./form-body";
import { RequestReceived } from "./request-received";

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
    <FormBody
      key={version}
      state={state}
      meta={meta}
      clinic={clinic}
      action={formAction}
      pending={isPending}
      focusOnMount={version > 0}
    />
  );
}
