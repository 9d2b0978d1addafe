import { z } from "zod";
import { REQUEST_STATUSES } from "@/lib/db/types";
import { multiLine } from "@/lib/validations/text-rules";

/*
 * Everything the staff area reads from a form, a URL or a query string. Bad
 * query values fall back to defaults rather than erroring: they only choose
 * what to show, and the session check has already passed.
 */
export const referenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, "is not a request reference");

export const statusSchema = z.enum(REQUEST_STATUSES);

export const signInSchema = z.object({
  password: z.string().min(1, "Enter the staff password").max(1024),
});

export const statusChangeSchema = z.object({ reference: referenceSchema, status: statusSchema });

export const noteSchema = z.object({
  reference: referenceSchema,
  note: multiLine("Note", 2000).pipe(z.string().min(1, "Write a note before saving")),
});

export const deleteSchema = z.object({
  reference: referenceSchema,
  confirm: z.literal("yes", "Tick the box to confirm the deletion"),
});

export const SIGN_IN_ERRORS = ["missing", "wrong", "locked"] as const;
export const REQUEST_NOTICES = ["status", "note", "note-error", "delete-error"] as const;

export const inboxQuerySchema = z.object({
  status: statusSchema.optional().catch(undefined),
  error: z.enum(SIGN_IN_ERRORS).optional().catch(undefined),
  deleted: referenceSchema.optional().catch(undefined),
});

export const requestQuerySchema = z.object({
  notice: z.enum(REQUEST_NOTICES).optional().catch(undefined),
});

/** Reads named fields from FormData as plain values, so zod sees only what we ask for. */
export function formFields<K extends string>(formData: FormData, keys: readonly K[]) {
  return Object.fromEntries(keys.map((key) => [key, formData.get(key) ?? undefined])) as Record<
    K,
    FormDataEntryValue | undefined
  >;
}
