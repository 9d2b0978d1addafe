/*
 * The consultation form, described once. Every question's name, label, kind,
 * options, limits, hint, database column and staff label live here; the zod
 * schema, the rendered fields, the error summary's links, the stored row, the
 * staff views, the CSV and the staff queries are all derived from this list.
 * Adding a question is an entry here and a migration that adds its column.
 * The browser loads this file: keep it free of server-only imports.
 */

import type { BookingLink } from "./clinic-schema";

export type Option = { readonly value: string; readonly label: string };

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

/** Stored as 1 or 0; `staff` is how the inbox words each answer. */
export const FIRST_VISIT = [
  { value: "yes", label: "Yes, this is my first visit", staff: "Yes" },
  { value: "no", label: "No, I have been before", staff: "No, has been before" },
] as const;

/**
 * Symptoms that, together with back pain, need medical help rather than an
 * acupuncture booking, at one of two levels. One list serves the "is it right
 * for you" page, the consultation form's question and its answer, and the
 * staff inbox, so none of them can disagree. An emergency is always "now",
 * never "today": the words for each level live here too.
 */
export const RED_FLAG_LEVELS = ["emergency", "urgent"] as const;
export type RedFlagLevel = (typeof RED_FLAG_LEVELS)[number];

export const RED_FLAGS = [
  {
    value: "saddle-numbness",
    label: "Numbness or tingling around your genitals or buttocks",
    level: "emergency",
  },
  {
    value: "bladder-bowel",
    label: "New trouble passing urine, or loss of control of your bladder or bowels",
    level: "emergency",
  },
  {
    value: "both-legs",
    label:
      "Numbness, tingling or weakness in both legs, weakness that is getting worse, or feeling unsteady on your feet",
    level: "emergency",
  },
  { value: "chest-pain", label: "Chest pain or sudden breathlessness", level: "emergency" },
  {
    value: "serious-injury",
    label: "Pain that started after a serious fall or accident",
    level: "emergency",
  },
  { value: "fever", label: "A fever, or feeling hot and shivery", level: "urgent" },
  { value: "weight-loss", label: "Weight loss you cannot explain", level: "urgent" },
  { value: "cancer-history", label: "A history of cancer", level: "urgent" },
  {
    value: "night-pain",
    label: "Pain that is worse at night or does not ease with rest",
    level: "urgent",
  },
  {
    value: "minor-fall",
    label: "Pain after a minor fall, if you have osteoporosis or take steroids long-term",
    level: "urgent",
  },
  {
    value: "back-lump",
    label: "A lump or swelling on your back, or a change in its shape",
    level: "urgent",
  },
  {
    value: "cough-sneeze",
    label: "Pain that is very bad when you cough, sneeze or go to the toilet",
    level: "urgent",
  },
] as const satisfies readonly { value: string; label: string; level: RedFlagLevel }[];

export type RedFlag = (typeof RED_FLAGS)[number]["value"];
export const RED_FLAG_VALUES = RED_FLAGS.map((flag) => flag.value) as [RedFlag, ...RedFlag[]];

/**
 * Answers the first form stored that the form no longer offers, so staff still
 * read them in words. They are never offered again.
 */
export const RETIRED_RED_FLAGS = [
  {
    value: "fever-weight-cancer",
    label: "Fever, unexplained weight loss, or a history of cancer",
    level: "urgent",
  },
  {
    value: "injury",
    label: "Pain that started after a fall, accident or other injury",
    level: "emergency",
  },
] as const satisfies readonly { value: string; label: string; level: RedFlagLevel }[];

/** Every sign a stored request may hold, current or retired, for staff to read in words. */
export const RED_FLAG_LABELS: readonly { value: string; label: string; level: RedFlagLevel }[] = [
  ...RED_FLAGS,
  ...RETIRED_RED_FLAGS,
];

export function redFlagsAt(level: RedFlagLevel) {
  return RED_FLAGS.filter((flag) => flag.level === level);
}

/** The most serious level among the ticked signs, or null when none was ticked. */
export function redFlagLevel(values: readonly string[]): RedFlagLevel | null {
  const levels = values.map((value) => RED_FLAG_LABELS.find((flag) => flag.value === value)?.level);
  if (levels.includes("emergency")) return "emergency";
  return levels.includes("urgent") ? "urgent" : null;
}

/**
 * The level a stored request was told, from its urgent flag and level columns. A request
 * stored as urgent with no level (never expected) gets the more serious advice.
 */
export function storedRedFlagLevel(urgent: number, level: string | null): RedFlagLevel | null {
  if (Number(urgent) !== 1) return null;
  return level === "urgent" ? "urgent" : "emergency";
}

/** What to do at each level, in the same words on the page, in the form and in its answer. */
export function redFlagAdvice(level: RedFlagLevel, emergencyNumber: string) {
  return level === "emergency"
    ? {
        title: `Call ${emergencyNumber} or go to an emergency department now`,
        lead: "Back pain with any of these can be a sign of a serious problem that needs help straight away:",
        action: `Call ${emergencyNumber} or go to your nearest emergency department now. Do not wait for an appointment with us.`,
      }
    : {
        title: "See a doctor today",
        lead: "Back pain with any of these needs a doctor to check it today:",
        action:
          "Ask your doctor for an urgent appointment today, or contact your local urgent-care centre or medical advice line. Please see a doctor before you have acupuncture.",
      };
}

/** What a hint may say about the clinic; passed from the server so the island reads no files. */
export type ClinicContact = {
  phone: string;
  emergencyNumber: string;
  replyWithin: string;
  /** The clinic's booking page for existing patients, shown with the answer; absent if none. */
  booking?: BookingLink | null;
};

/*
 * Kinds: one-line text ("text", "email", "tel"), free text ("textarea"), one
 * choice ("radio"), a yes/no choice stored as 1/0 ("yes-no"), several choices
 * stored as a JSON list ("checkbox"), and the consent box, which is checked but
 * never stored. A one-choice question without `required: true` may be left
 * unanswered, and is stored as null. `label` is what the form shows; `noun`
 * names the field in error messages when the label is a question; `error` is
 * said when an answer is missing or not one of the options. `staff` labels the
 * value in the inbox and the CSV; `staffEmpty` is shown there for no answer.
 */
type Common = {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly error?: string;
};
type Stored = { readonly column: string; readonly staff: string; readonly staffEmpty?: string };
type TextField = Common &
  Stored & {
    readonly kind: "text" | "email" | "tel" | "textarea";
    readonly max: number;
    readonly noun?: string;
    readonly autoComplete?: string;
  };
type ChoiceField = Common &
  Stored & {
    readonly kind: "radio" | "checkbox" | "yes-no";
    readonly options: readonly Option[];
    /** The options shown in titled groups instead of one list. */
    readonly groups?: readonly OptionGroup[];
    /** Answers an older form offered: never offered again, still shown to staff in words. */
    readonly retired?: readonly Option[];
  };
type OptionGroup = {
  readonly value: string;
  readonly legend: (clinic: ClinicContact) => string;
  readonly tone: "danger" | "warning";
  readonly options: readonly Option[];
};
type ConsentField = Common & {
  readonly kind: "consent";
  readonly error: string;
  readonly link: { readonly text: string; readonly href: string };
};
export type FieldSpec = TextField | ChoiceField | ConsentField;

export const CONSULTATION_FIELDS = [
  {
    name: "fullName",
    kind: "text",
    label: "Full name",
    required: true,
    max: 100,
    error: "Enter your full name",
    autoComplete: "name",
    column: "full_name",
    staff: "Name",
  },
  {
    name: "email",
    kind: "email",
    label: "Email",
    required: true,
    max: 254,
    error: "Enter your email address",
    autoComplete: "email",
    column: "email",
    staff: "Email",
  },
  {
    name: "phone",
    kind: "tel",
    label: "Phone",
    max: 30,
    autoComplete: "tel",
    hint: "Needed if you would like us to call you.",
    column: "phone",
    staff: "Phone",
    staffEmpty: "Not given",
  },
  {
    name: "preferredContact",
    kind: "radio",
    label: "How should we contact you?",
    required: true,
    options: CONTACT_METHODS,
    error: "Choose how you would like us to contact you",
    column: "preferred_contact",
    staff: "Preferred contact",
  },
  {
    name: "painArea",
    kind: "radio",
    label: "Where is your pain?",
    required: true,
    options: PAIN_AREAS,
    error: "Choose where your pain is",
    column: "pain_area",
    staff: "Pain area",
  },
  {
    name: "painDuration",
    kind: "radio",
    label: "How long have you had it?",
    required: true,
    options: PAIN_DURATIONS,
    error: "Choose how long you have had the pain",
    column: "pain_duration",
    staff: "Pain duration",
  },
  {
    name: "preferredTimes",
    kind: "checkbox",
    label: "Which days and times suit you?",
    hint: "Tick all that suit you.",
    required: true,
    options: TIME_SLOTS,
    error: "Choose at least one day and time",
    column: "preferred_times",
    staff: "Preferred times",
    staffEmpty: "None given",
  },
  {
    name: "message",
    kind: "textarea",
    label: "Anything else we should know",
    noun: "Your message",
    max: 2000,
    hint: "Up to 2,000 characters.",
    column: "message",
    staff: "Message",
    staffEmpty: "No message",
  },
  {
    name: "firstVisit",
    kind: "yes-no",
    label: "Is this your first visit to the clinic?",
    required: true,
    options: FIRST_VISIT,
    error: "Tell us whether this is your first visit",
    column: "first_visit",
    staff: "First visit",
  },
  {
    name: "redFlags",
    kind: "checkbox",
    label: "Do you have any of these symptoms as well as your pain?",
    // Said before the form is sent: someone with these symptoms should not wait for a reply.
    hint: "Tick any that apply, or leave them all unticked. If you have any of them, please do not wait for our reply. Each group below says what to do.",
    options: RED_FLAGS,
    // Grouped by what each sign needs, each group's legend being that advice, so it is read
    // with every sign in it.
    groups: RED_FLAG_LEVELS.map((level) => ({
      value: level,
      legend: (clinic: ClinicContact) => redFlagAdvice(level, clinic.emergencyNumber).title,
      tone: level === "emergency" ? "danger" : "warning",
      options: redFlagsAt(level),
    })),
    retired: RETIRED_RED_FLAGS,
    error: "Choose only symptoms from the list",
    column: "red_flags",
    staff: "Warning symptoms",
    staffEmpty: "None ticked",
  },
  {
    name: "consent",
    kind: "consent",
    label: "I agree to be contacted about this request and have read the",
    link: { text: "privacy notice", href: "/privacy" },
    required: true,
    error: "Tick the box to agree to be contacted about this request",
  },
] as const satisfies readonly FieldSpec[];

export type ConsultationFieldSpec = (typeof CONSULTATION_FIELDS)[number];
export type ConsultationField = ConsultationFieldSpec["name"];
export type StoredFieldSpec = Extract<ConsultationFieldSpec, { column: string }>;

export const STORED_FIELDS = CONSULTATION_FIELDS.filter(
  (field): field is StoredFieldSpec => "column" in field,
);

/** The field's value as the parsed form holds it, by kind. */
type ValueOf<F> = F extends { kind: "radio" | "yes-no"; options: readonly (infer O)[] }
  ? (O extends { value: infer V } ? V : never) | (F extends { required: true } ? never : undefined)
  : F extends { kind: "checkbox"; options: readonly (infer O)[] }
    ? (O extends { value: infer V } ? V : never)[]
    : F extends { kind: "consent" }
      ? true
      : F extends { required: true }
        ? string
        : string | undefined;

/** A valid request, as the schema returns it. */
export type Consultation = { [F in ConsultationFieldSpec as F["name"]]: ValueOf<F> };

/** The stored column's type, by kind: lists are JSON text and yes/no is 1 or 0 on both databases. */
type ColumnOf<F> = F extends { kind: "yes-no" }
  ? number
  : F extends { kind: "checkbox" }
    ? string
    : F extends { required: true }
      ? string
      : string | null;

/** The columns the form fills, typed from the catalogue (lib/db/types.ts adds the rest). */
export type FormColumns = { [F in StoredFieldSpec as F["column"]]: ColumnOf<F> };

/** A parsed request as the columns it fills. */
export function toColumns(consultation: Consultation): FormColumns {
  const values = consultation as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const field of STORED_FIELDS) {
    const value = values[field.name];
    if (field.kind === "checkbox") row[field.column] = JSON.stringify(value);
    else if (field.kind === "yes-no") row[field.column] = value === "yes" ? 1 : 0;
    else row[field.column] = value ?? null;
  }
  return row as FormColumns;
}

/** The hidden fields that travel with every form, and the honeypot. */
export const META_FIELDS = {
  token: "formToken",
  key: "idempotencyKey",
  honeypot: "website",
  // The page the form was opened from, for the clinic's page counts (lib/insights/).
  from: "openedFrom",
} as const;

/*
 * A posted form larger than the server action body limit is refused by Next.js
 * before our code runs: without JavaScript the visitor would get a bare error
 * page and lose what they typed. So each text field also carries a browser-side
 * hard stop (maxlength) far above what the schema accepts, leaving room to go
 * over, be told so and keep the text, yet small enough that the largest form a
 * browser can send stays under the limit (tests/unit/consultation checks it).
 * The limit itself is in body-limit.json beside this file, which next.config.ts
 * reads: Node loads JSON however the config is compiled.
 */
/** The maxlength for a field whose schema accepts up to `max` characters. */
export function hardMaxLength(max: number): number {
  return max * 3;
}
