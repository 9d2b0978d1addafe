import type { RedFlagLevel } from "@/lib/content/red-flags";
import type { FormValues } from "@/lib/validations/consultation-form-data";
import type { FieldErrors } from "@/lib/validations/consultation";

/*
 * What the server action returns to the form. Values go back with every
 * failure because React resets a form after its action runs.
 */
export type FormMetaValues = { token: string; key: string };

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

export const INITIAL_STATE: ConsultationState = { status: "idle" };
