import { RED_FLAGS, RED_FLAG_VALUES } from "@/lib/content/red-flags";

/*
 * The choices the consultation form offers. Labels live beside values so the
 * form, the schema and the staff inbox read one list and can never disagree.
 */
export const CONTACT_METHODS = [
  { value: "email", label: "Email" },
  { value: "phone", label: "Phone" },
] as const;

export const PAIN_AREAS = [
  { value: "lower-back", label: "Lower back" },
  { value: "upper-back", label: "Upper back" },
  { value: "neck", label: "Neck" },
  { value: "leg-sciatica", label: "Leg or sciatica" },
  { value: "other", label: "Other" },
] as const;

export const PAIN_DURATIONS = [
  { value: "under-6-weeks", label: "Under 6 weeks" },
  { value: "6-12-weeks", label: "6 to 12 weeks" },
  { value: "over-3-months", label: "Over 3 months" },
] as const;

export const TIME_SLOTS = [
  { value: "weekday-morning", label: "Weekday mornings" },
  { value: "weekday-afternoon", label: "Weekday afternoons" },
  { value: "weekday-evening", label: "Weekday evenings" },
  { value: "saturday-morning", label: "Saturday mornings" },
] as const;

export const FIRST_VISIT = [
  { value: "yes", label: "Yes, this is my first visit" },
  { value: "no", label: "No, I have been before" },
] as const;

export { RED_FLAGS, RED_FLAG_VALUES };

type Option = { readonly value: string };

/** The values of an option list as the non-empty tuple `z.enum` needs. */
export function valuesOf<const T extends readonly [Option, ...Option[]]>(
  options: T,
): [T[number]["value"], ...T[number]["value"][]] {
  return options.map((option) => option.value) as [T[number]["value"], ...T[number]["value"][]];
}
