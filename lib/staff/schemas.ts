import { z } from "zod";
import { REFERENCE_PATTERN } from "@/lib/consultation/submit";
import { REQUEST_STATUSES } from "@/lib/db/types";
import { multiLine } from "@/lib/validations/text-rules";
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES } from "./lockout";

/*
 * Everything the staff area reads from a form, a URL or a query string, and
 * the codes its actions send back with the words each one shows. Bad query
 * values fall back to defaults rather than erroring: they only choose what to
 * show, and the session check has already passed.
 */
export const referenceSchema = z
  .string()
  .trim()
  .regex(REFERENCE_PATTERN, "is not a request reference");

export const statusSchema = z.enum(REQUEST_STATUSES);

export const NOTE_MAX = 2000;
/** How the note box describes its limit, so the hint and the error say the same. */
export const NOTE_LIMIT_TEXT = `${NOTE_MAX.toLocaleString("en")} characters`;

export const signInSchema = z.object({
  password: z.string().min(1, "Enter the staff password").max(1024),
});

export const statusChangeSchema = z.object({ reference: referenceSchema, status: statusSchema });

export const noteSchema = z.object({
  reference: referenceSchema,
  note: multiLine("Note", NOTE_MAX).pipe(z.string().min(1, "Write a note before saving")),
});

export const deleteSchema = z.object({
  reference: referenceSchema,
  confirm: z.literal("yes", "Tick the box to confirm the deletion"),
});

export const SIGN_IN_ERRORS = {
  missing: "Enter the staff password.",
  wrong: `That password is not right. After ${LOCKOUT_ATTEMPTS} wrong attempts in ${LOCKOUT_MINUTES} minutes, sign-in is locked.`,
  locked: `Too many wrong passwords from this device. Sign-in is locked for up to ${LOCKOUT_MINUTES} minutes; please wait and try again.`,
} as const;
export type SignInError = keyof typeof SIGN_IN_ERRORS;

export const REQUEST_NOTICES = {
  status: { tone: "success", text: "Status updated." },
  note: { tone: "success", text: "Note added." },
  "note-error": {
    tone: "error",
    text: `The note was not saved: write between 1 and ${NOTE_LIMIT_TEXT}.`,
  },
  "delete-error": {
    tone: "error",
    text: "Nothing was deleted: tick the box to confirm, then press Delete permanently.",
  },
} as const satisfies Record<string, { tone: "error" | "success"; text: string }>;
export type RequestNotice = keyof typeof REQUEST_NOTICES;

const codes = <T extends object>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

/** A request's page, with the notice an action sends back. */
export function requestPage(reference: string, notice?: RequestNotice): string {
  return `/staff/requests/${reference}${notice ? `?notice=${notice}` : ""}`;
}

export const inboxQuerySchema = z.object({
  status: statusSchema.optional().catch(undefined),
  error: z.enum(codes(SIGN_IN_ERRORS)).optional().catch(undefined),
  deleted: referenceSchema.optional().catch(undefined),
});

export const requestQuerySchema = z.object({
  notice: z.enum(codes(REQUEST_NOTICES)).optional().catch(undefined),
});
