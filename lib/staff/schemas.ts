import { z } from "zod";
import { REFERENCE_PATTERN } from "@/lib/consultation/submit";
import { REQUEST_STATUSES } from "@/lib/db/types";
import { multiLine } from "@/lib/validations/text-rules";

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

/** The follow-up form: the status (changed or not) and a note (or none), saved together. */
export const followUpSchema = z.object({
  reference: referenceSchema,
  status: statusSchema,
  note: multiLine("The note", NOTE_MAX).optional(),
});

export const deleteSchema = z.object({
  reference: referenceSchema,
  confirm: z.literal("yes", "Tick the box to confirm the deletion"),
});

export const REQUEST_NOTICES = {
  status: { tone: "success", text: "Status updated." },
  note: { tone: "success", text: "Note added." },
  saved: { tone: "success", text: "Status updated and note added." },
  unchanged: {
    tone: "error",
    text: "Nothing to save: the status is the one it had and the note is empty.",
  },
  "save-failed": {
    tone: "error",
    text: "Nothing changed: the server could not save it just now. Try again in a few minutes; if it keeps happening, tell whoever looks after the site.",
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
  deleted: referenceSchema.optional().catch(undefined),
});

export const requestQuerySchema = z.object({
  notice: z.enum(codes(REQUEST_NOTICES)).optional().catch(undefined),
});
