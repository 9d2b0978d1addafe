import { z } from "zod";

/*
 * Text arrives from browsers and bots alike. Normalising to NFC first means two
 * spellings of "é" are stored alike and lengths are counted the same way on the
 * client and the server.
 */
// C0 and C1 controls and DEL, except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Invisible characters that reorder or hide text (zero-width, bidirectional
// marks, embeddings, overrides and isolates, the BOM): in a name they can make
// the staff inbox or an email show something other than what was typed.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
// Anything a mail header or a log line could read as a new line.
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** Text as it is checked, counted and stored; the form's character count uses it too. */
export function normaliseText(value: string): string {
  return value.normalize("NFC").trim();
}

function normalised() {
  return z.string().overwrite(normaliseText);
}

/** A single-line field: no line breaks, no control characters, bounded. */
export function oneLine(label: string, max: number) {
  return normalised()
    .refine(
      (v) => !CONTROL.test(v) && !/\t/.test(v),
      `${label} contains characters we cannot accept`,
    )
    .refine((v) => !LINE_BREAK.test(v), `${label} must be on one line`)
    .refine(
      (v) => !INVISIBLE.test(v),
      `${label} contains an invisible formatting character (often pasted along with text): retype it`,
    )
    .refine((v) => v.length <= max, `${label} must be ${max} characters or fewer`);
}

/** A free-text field: line breaks allowed, control characters refused, bounded. */
export function multiLine(label: string, max: number) {
  return normalised()
    .transform((v) => v.replace(/\r\n?/g, "\n"))
    .refine((v) => !CONTROL.test(v), `${label} contains characters we cannot accept`)
    .refine((v) => v.length <= max, {
      // Saying how long it is now tells the visitor how much to cut.
      error: (issue) =>
        `${label} must be ${count(max)} characters or fewer; it is ${count(String(issue.input).length)}`,
    });
}

const count = (n: number) => n.toLocaleString("en");

/** An empty string becomes undefined, so optional fields can be left blank. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/** A phone number in local or international form: digits with spaces, dots, dashes, brackets. */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ().-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 15;
}
