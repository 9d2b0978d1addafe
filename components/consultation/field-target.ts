import {
  CONTACT_METHODS,
  FIRST_VISIT,
  PAIN_AREAS,
  PAIN_DURATIONS,
  RED_FLAGS,
  TIME_SLOTS,
} from "@/lib/validations/consultation-options";
import type { ConsultationField } from "@/lib/validations/consultation";
import { fieldId, optionId } from "./field-ids";

const GROUPS: Partial<Record<ConsultationField, readonly { value: string }[]>> = {
  preferredContact: CONTACT_METHODS,
  painArea: PAIN_AREAS,
  painDuration: PAIN_DURATIONS,
  preferredTimes: TIME_SLOTS,
  firstVisit: FIRST_VISIT,
  redFlags: RED_FLAGS,
};

/** The id a summary link points at: the input itself, or a group's first option. */
export function fieldTarget(field: ConsultationField): string {
  const first = GROUPS[field]?.[0];
  return first ? optionId(field, first.value) : fieldId(field);
}
