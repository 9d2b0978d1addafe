import type { WordChange } from "@/lib/content/merge/highlight";
import { DEFAULT_BOOKING_LABEL, WEEKDAYS, type Clinic } from "./clinic-schema";

/*
 * The clinic details form: one text field per value in clinic.yaml (nested
 * values named with dots, like "address.street") and the opening hours as
 * numbered rows. Client-safe: the editor and the action share it.
 */
export const CLINIC_TEXT_FIELDS = [
  { name: "name", label: "Clinic name" },
  { name: "shortName", label: "Short name (for page titles)" },
  { name: "tagline", label: "Tagline" },
  { name: "practitioner.name", label: "Practitioner's name" },
  { name: "practitioner.credentials", label: "Practitioner's credentials" },
  { name: "practitioner.licence", label: "Licence details" },
  { name: "address.street", label: "Street" },
  { name: "address.locality", label: "Town or city" },
  { name: "address.region", label: "Region or state" },
  { name: "address.postalCode", label: "Postal code" },
  { name: "address.country", label: "Country code (two letters, like US or GB)" },
  { name: "phone", label: "Phone" },
  { name: "email", label: "Email" },
  { name: "emergencyNumber", label: "Emergency number" },
  { name: "timezone", label: "Time zone (like America/Chicago)" },
  { name: "gettingHere", label: "Getting here", multiline: true },
  { name: "replyWithin", label: "We reply within (like one working day)" },
  // Optional fields left empty are left out of the clinic, so the site shows nothing for them.
  {
    name: "bookingUrl",
    label: "Online booking page for existing patients (optional, an https:// address)",
    optional: true,
  },
  {
    name: "bookingLabel",
    label: `Booking link text (optional, "${DEFAULT_BOOKING_LABEL}" if empty)`,
    optional: true,
  },
] as const;

export interface HoursRow {
  days: string[];
  opens: string;
  closes: string;
}

/** Yes/no facts, shown as checkboxes. */
export const CLINIC_FLAGS = [
  {
    name: "electroacupuncture",
    label: "We sometimes use electroacupuncture (a small current through the needles)",
  },
  {
    name: "acknowledgeRequests",
    // No "phone" or "email" in the words: the editor's Phone and Email fields keep unique labels.
    label:
      "Send each visitor an acknowledgement of their request (their reference and when we reply; no health details)",
  },
] as const;

export interface ClinicFormValues {
  text: Record<string, string>;
  flags: Record<string, boolean>;
  hours: HoursRow[];
  note: string;
  parentId: number;
  baseHash: string;
}

export interface ClinicEditorState {
  values: ClinicFormValues;
  errors: Record<string, string>;
  formError?: string;
  /** Fields a colleague changed too since the form was opened, to decide one by one. */
  merge?: ClinicMergeShown;
  answer: number;
}

/** One side of a field both changed: its value, and its words marked against what both opened. */
export interface ShownValue {
  text: string;
  changes: WordChange[];
}

/** The overlaps with a colleague's publish as the form shows them (lib/staff/clinic-merge.ts). */
export interface ClinicMergeShown {
  author: string;
  /** When they published, in the clinic's time zone. */
  when: string;
  conflicts: {
    id: string;
    label: string;
    /** For opening hours: the rows as they were ("" for rows both added), so the choice says which. */
    was?: string;
    mine: ShownValue;
    theirs: ShownValue;
  }[];
  /** Choices already made, ticked again. */
  choices: Record<string, "mine" | "theirs">;
}

export const MAX_HOURS_ROWS = 14;

export function clinicToValues(clinic: Clinic): Pick<ClinicFormValues, "text" | "flags" | "hours"> {
  const text: Record<string, string> = {};
  for (const { name } of CLINIC_TEXT_FIELDS) {
    const value = name
      .split(".")
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], clinic);
    text[name] = typeof value === "string" ? value : "";
  }
  const flags = Object.fromEntries(
    CLINIC_FLAGS.map(({ name }) => [name, (clinic as Record<string, unknown>)[name] === true]),
  );
  return {
    text,
    flags,
    hours: clinic.openingHours.map((h) => ({
      days: [...h.days],
      opens: h.opens,
      closes: h.closes,
    })),
  };
}

/** The values as the object clinic.yaml holds, for the clinic schema to check. */
export function valuesToClinicInput(
  values: Pick<ClinicFormValues, "text" | "flags" | "hours">,
): unknown {
  const result: Record<string, unknown> = {};
  for (const field of CLINIC_TEXT_FIELDS) {
    const { name } = field;
    const value = values.text[name]?.trim() ?? "";
    if ("optional" in field && value === "") continue;
    const keys = name.split(".");
    let at = result;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys.at(-1) ?? name] = value;
  }
  for (const { name } of CLINIC_FLAGS) result[name] = values.flags[name] === true;
  result.openingHours = values.hours.map((row) => ({
    days: WEEKDAYS.filter((day) => row.days.includes(day)),
    opens: row.opens,
    closes: row.closes,
  }));
  return result;
}

export function readClinicForm(formData: FormData): ClinicFormValues {
  const get = (name: string, max = 2000) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const text = Object.fromEntries(CLINIC_TEXT_FIELDS.map(({ name }) => [name, get(name)]));
  const count = Math.min(MAX_HOURS_ROWS, Math.max(0, Number(get("hoursCount", 3)) || 0));
  const hours = Array.from({ length: count }, (_, i) => ({
    days: formData.getAll(`hours.${i}.days`).filter((d): d is string => typeof d === "string"),
    opens: get(`hours.${i}.opens`, 5),
    closes: get(`hours.${i}.closes`, 5),
  }));
  const parentId = Number(get("parentId", 20));
  const baseHash = get("baseHash", 64);
  const flags = Object.fromEntries(CLINIC_FLAGS.map(({ name }) => [name, get(name) === "true"]));
  return {
    text,
    flags,
    hours,
    note: get("note", 500),
    parentId: Number.isSafeInteger(parentId) && parentId >= 0 ? parentId : 0,
    baseHash: /^[0-9a-f]{64}$/.test(baseHash) ? baseHash : "",
  };
}
