import { z } from "zod";
import {
  CONSULTATION_FIELDS,
  hardMaxLength,
  META_FIELDS,
  type Consultation,
  type ConsultationField,
  type FieldSpec,
} from "./consultation-fields";
import { blankToUndefined, isPhoneNumber, multiLine, oneLine } from "./text-rules";

// Zod's compiled fast path probes for eval with `new Function`, which the strict
// Content-Security-Policy refuses in the browser (and reports as a violation); the
// plain path is plenty fast for one form there. The server has no such policy and
// parses every post, so it keeps the fast path. Set before any schema is built.
z.config({ jitless: typeof window !== "undefined" });

/*
 * The one definition of a valid consultation request, built from the field
 * catalogue. The client imports it to check fields as the visitor leaves them;
 * the server action parses FormData with it. Keep it free of server-only imports.
 */

const asString = (v: unknown) => (v === undefined || v === null ? "" : v);

function textSchema(field: Extract<FieldSpec, { max: number }>) {
  const noun = field.noun ?? field.label;
  let rule: z.ZodType<string, string> =
    field.kind === "textarea" ? multiLine(noun, field.max) : oneLine(noun, field.max);
  if (field.kind === "tel") {
    rule = rule.refine(
      isPhoneNumber,
      "Enter a phone number, like 01632 960 001 or +44 1632 960 001",
    );
  }
  if (field.required) {
    const error = field.error ?? `Enter your ${noun.toLowerCase()}`;
    const filled = z.preprocess(
      asString,
      rule.refine((v) => v.length > 0, error),
    );
    return field.kind === "email"
      ? filled.pipe(z.email("Enter an email address in the format name@example.com"))
      : filled;
  }
  const optional = field.kind === "email" ? rule.pipe(z.email()) : rule;
  return z.preprocess(blankToUndefined, optional.optional());
}

function fieldSchema(field: FieldSpec): z.ZodType {
  const error = field.error ?? `Answer “${field.label}”`;
  switch (field.kind) {
    case "consent":
      return z.literal("yes", { error }).transform(() => true as const);
    case "radio":
    case "yes-no": {
      const choice = z.enum(field.options.map((o) => o.value) as [string, ...string[]], { error });
      return field.required ? choice : z.preprocess(blankToUndefined, choice.optional());
    }
    case "checkbox": {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      const list = z
        .array(z.enum(values, { error }), { error })
        .max(values.length, error)
        .transform((chosen) => [...new Set(chosen)]);
      return field.required ? list.refine((chosen) => chosen.length > 0, error) : list;
    }
    default:
      return textSchema(field);
  }
}

export const consultationSchema = z
  .object(Object.fromEntries(CONSULTATION_FIELDS.map((field) => [field.name, fieldSchema(field)])))
  .refine((v) => v.preferredContact !== "phone" || v.phone !== undefined, {
    message: "Enter a phone number so we can call you, or choose email",
    path: ["phone"],
    // Run even when other fields fail, so every problem shows on the first submit.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  }) as unknown as z.ZodType<Consultation, FormValues>;

export type FieldErrors = Partial<Record<ConsultationField, string>>;

const fieldNames: readonly string[] = CONSULTATION_FIELDS.map((field) => field.name);

/** The first message per field, keyed by field name. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && fieldNames.includes(field)) {
      errors[field as ConsultationField] ??= issue.message;
    }
  }
  return errors;
}

/*
 * FormData to plain values, shared by the browser and the server. Only known
 * names are read; files are ignored so they read as missing, never as text.
 */
export type FormValues = Record<string, string | string[]>;

// Echoed back so the form refills after an error: all a browser lets anyone type into the
// longest field (hardMaxLength), and no more from anything else.
const ECHO_MAX = hardMaxLength(
  Math.max(...CONSULTATION_FIELDS.map((field) => ("max" in field ? field.max : 0))),
);

export function readConsultationForm(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const field of CONSULTATION_FIELDS) {
    if (field.kind === "checkbox") {
      values[field.name] = formData
        .getAll(field.name)
        .filter((v): v is string => typeof v === "string")
        .slice(0, 20)
        .map((v) => v.slice(0, ECHO_MAX));
    } else {
      const value = formData.get(field.name);
      if (typeof value === "string") values[field.name] = value.slice(0, ECHO_MAX);
    }
  }
  return values;
}

const formMetaSchema = z.object({
  token: z.string().max(200).catch(""),
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .catch(""),
  honeypot: z.string().max(ECHO_MAX).catch(""),
  // Checked against the published pages where it is counted; anything else counts as "unknown".
  from: z.string().max(120).catch(""),
});

export type FormMeta = z.output<typeof formMetaSchema>;

export function readFormMeta(formData: FormData): FormMeta {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return formMetaSchema.parse({
    token: read(META_FIELDS.token),
    key: read(META_FIELDS.key),
    honeypot: read(META_FIELDS.honeypot),
    from: read(META_FIELDS.from),
  });
}
