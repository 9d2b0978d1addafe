import type { FormValues } from "@/lib/validations/consultation-form-data";
import type { FieldErrors } from "@/lib/validations/consultation";
import { TEXT_MAX } from "@/lib/validations/consultation";
import {
  CONTACT_METHODS,
  FIRST_VISIT,
  PAIN_AREAS,
  PAIN_DURATIONS,
  TIME_SLOTS,
} from "@/lib/validations/consultation-options";
import { ChoiceGroup } from "./choice-group";
import { RedFlagQuestion } from "./red-flag-question";
import { TextField } from "./text-field";

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : "";
};
const list = (values: FormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
};

type FormFieldsProps = { values: FormValues; errors: FieldErrors; emergencyNumber: string };

/** The visitor's fields in reading order, refilled from the last answer. */
export function FormFields({ values, errors, emergencyNumber }: FormFieldsProps) {
  const group = (name: keyof FieldErrors) => ({
    name,
    selected: list(values, name),
    error: errors[name],
  });
  const field = (name: keyof typeof TEXT_MAX) => ({
    name,
    max: TEXT_MAX[name],
    defaultValue: text(values, name),
    error: errors[name],
  });
  return (
    <>
      <TextField {...field("fullName")} label="Full name" required autoComplete="name" />
      <TextField
        {...field("email")}
        label="Email"
        type="email"
        required
        autoComplete="email"
        inputMode="email"
      />
      <TextField
        {...field("phone")}
        label="Phone"
        type="tel"
        autoComplete="tel"
        hint="Needed if you would like us to call you."
      />
      <ChoiceGroup
        {...group("preferredContact")}
        legend="How should we contact you?"
        type="radio"
        options={CONTACT_METHODS}
        required
      />
      <ChoiceGroup
        {...group("painArea")}
        legend="Where is your pain?"
        type="radio"
        options={PAIN_AREAS}
        required
      />
      <ChoiceGroup
        {...group("painDuration")}
        legend="How long have you had it?"
        type="radio"
        options={PAIN_DURATIONS}
        required
      />
      <ChoiceGroup
        {...group("preferredTimes")}
        legend="Which days and times suit you?"
        hint="Tick all that suit you."
        type="checkbox"
        options={TIME_SLOTS}
        required
      />
      <TextField
        {...field("message")}
        label="Anything else we should know"
        multiline
        hint={`Up to ${TEXT_MAX.message.toLocaleString("en")} characters.`}
      />
      <ChoiceGroup
        {...group("firstVisit")}
        legend="Is this your first visit to the clinic?"
        type="radio"
        options={FIRST_VISIT}
        required
      />
      <RedFlagQuestion
        selected={list(values, "redFlags")}
        error={errors.redFlags}
        emergencyNumber={emergencyNumber}
      />
    </>
  );
}
