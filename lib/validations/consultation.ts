import { z } from "zod";
import {
  CONTACT_METHODS,
  FIRST_VISIT,
  PAIN_AREAS,
  PAIN_DURATIONS,
  RED_FLAG_VALUES,
  TIME_SLOTS,
  valuesOf,
} from "./consultation-options";
import { blankToUndefined, isPhoneNumber, multiLine, oneLine } from "./text-rules";

// Zod's compiled fast path probes for eval with `new Function`, which the strict
// Content-Security-Policy refuses (and reports as a violation); the plain path is
// plenty fast for one form. Set before any schema below is built.
z.config({ jitless: true });

/*
 * The one definition of a valid consultation request. The client imports it to
 * check fields as the visitor leaves them; the server action parses FormData
 * with it. Keep it free of server-only imports.
 */
/** The longest answer accepted in each free-text field, in characters. */
export const TEXT_MAX = { fullName: 100, email: 254, phone: 30, message: 2000 } as const;

const asString = (v: unknown) => (v === undefined || v === null ? "" : v);

function required(label: string, max: number, emptyMessage: string) {
  return z.preprocess(
    asString,
    oneLine(label, max).refine((v) => v.length > 0, emptyMessage),
  );
}

function choice<const T extends readonly [{ value: string }, ...{ value: string }[]]>(
  options: T,
  message: string,
) {
  return z.enum(valuesOf(options), { error: message });
}

function choices<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .array(z.enum(values, { error: message }), { error: message })
    .max(values.length, message)
    .transform((list) => [...new Set(list)]);
}

export const consultationSchema = z
  .object({
    fullName: required("Full name", TEXT_MAX.fullName, "Enter your full name"),
    email: required("Email", TEXT_MAX.email, "Enter your email address").pipe(
      z.email("Enter an email address in the format name@example.com"),
    ),
    phone: z.preprocess(
      blankToUndefined,
      oneLine("Phone", TEXT_MAX.phone)
        .refine(isPhoneNumber, "Enter a phone number, like 01632 960 001 or +44 1632 960 001")
        .optional(),
    ),
    preferredContact: choice(CONTACT_METHODS, "Choose how you would like us to contact you"),
    painArea: choice(PAIN_AREAS, "Choose where your pain is"),
    painDuration: choice(PAIN_DURATIONS, "Choose how long you have had the pain"),
    preferredTimes: choices(valuesOf(TIME_SLOTS), "Choose at least one day and time").refine(
      (list) => list.length > 0,
      "Choose at least one day and time",
    ),
    message: z.preprocess(blankToUndefined, multiLine("Your message", TEXT_MAX.message).optional()),
    firstVisit: choice(FIRST_VISIT, "Tell us whether this is your first visit"),
    redFlags: choices(RED_FLAG_VALUES, "Choose only symptoms from the list"),
    consent: z
      .literal("yes", { error: "Tick the box to agree to be contacted about this request" })
      .transform(() => true as const),
  })
  .refine((v) => v.preferredContact !== "phone" || v.phone !== undefined, {
    message: "Enter a phone number so we can call you, or choose email",
    path: ["phone"],
    // Run even when other fields fail, so every problem shows on the first submit.
    when: (payload) => {
      const value = payload.value as { preferredContact?: unknown; phone?: unknown };
      return typeof value === "object" && value !== null;
    },
  });

export type ConsultationInput = z.input<typeof consultationSchema>;
export type Consultation = z.output<typeof consultationSchema>;
export type ConsultationField = keyof Consultation;

/** Form order, so the error summary lists problems as the visitor meets them. */
export const CONSULTATION_FIELDS = [
  "fullName",
  "email",
  "phone",
  "preferredContact",
  "painArea",
  "painDuration",
  "preferredTimes",
  "message",
  "firstVisit",
  "redFlags",
  "consent",
] as const satisfies readonly ConsultationField[];

export const LIST_FIELDS = ["preferredTimes", "redFlags"] as const;

export type FieldErrors = Partial<Record<ConsultationField, string>>;

/** The first message per field, keyed by field name. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (CONSULTATION_FIELDS as readonly string[]).includes(field)) {
      errors[field as ConsultationField] ??= issue.message;
    }
  }
  return errors;
}
