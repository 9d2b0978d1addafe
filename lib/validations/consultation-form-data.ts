import { z } from "zod";
import { hardMaxLength } from "@/lib/consultation/body-limit";
import { CONSULTATION_FIELDS, LIST_FIELDS, TEXT_MAX } from "./consultation";

/*
 * FormData to plain values, shared by the browser and the server. Only known
 * names are read; files are ignored so they read as missing, never as text.
 */
export const META_FIELDS = {
  token: "formToken",
  key: "idempotencyKey",
  honeypot: "website",
} as const;

// Echoed back so the form refills after an error: all a browser lets anyone type into the
// longest field (lib/consultation/body-limit.ts), and no more from anything else.
const ECHO_MAX = hardMaxLength(TEXT_MAX.message);

export type FormValues = Record<string, string | string[]>;

const listFields: readonly string[] = LIST_FIELDS;

export function readConsultationForm(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const name of CONSULTATION_FIELDS) {
    if (listFields.includes(name)) {
      values[name] = formData
        .getAll(name)
        .filter((v): v is string => typeof v === "string")
        .slice(0, 20)
        .map((v) => v.slice(0, ECHO_MAX));
    } else {
      const value = formData.get(name);
      if (typeof value === "string") values[name] = value.slice(0, ECHO_MAX);
    }
  }
  return values;
}

export const formMetaSchema = z.object({
  token: z.string().max(200).catch(""),
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .catch(""),
  honeypot: z.string().max(ECHO_MAX).catch(""),
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
  });
}
