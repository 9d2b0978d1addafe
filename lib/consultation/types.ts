import type { FieldErrors, FormValues } from "@/lib/validations/consultation";
import type { RedFlagLevel } from "@/lib/validations/consultation-fields";

/*
 * What the server action returns to the form. Values go back with every
 * failure because React resets a form after its action runs. The browser
 * imports these as types only.
 */
/** `from`: the path of the page the form was opened from, or "" (lib/insights/). */
export type FormMetaValues = { token: string; key: string; from: string };

export type ConsultationFailure = {
  status: "invalid" | "rate-limited" | "error";
  errors: FieldErrors;
  values: FormValues;
  meta: FormMetaValues;
};

export type ConsultationReceived = {
  status: "received";
  reference: string;
  urgent: boolean;
  /** Which advice the answer gives: an emergency now, or a doctor today. */
  level: RedFlagLevel | null;
  preferredContact: "email" | "phone";
};

export type ConsultationState = { status: "idle" } | ConsultationFailure | ConsultationReceived;
