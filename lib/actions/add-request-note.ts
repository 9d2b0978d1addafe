"use server";

import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { addRequestNote } from "@/lib/db/staff-requests";
import { requireStaff } from "@/lib/staff/auth";
import { formFields, noteSchema, referenceSchema } from "@/lib/staff/schemas";

export async function addRequestNoteAction(formData: FormData): Promise<void> {
  if (!(await requireStaff())) redirect("/staff");
  const fields = formFields(formData, ["reference", "note"]);
  const parsed = noteSchema.safeParse(fields);
  if (!parsed.success) {
    const reference = referenceSchema.safeParse(fields.reference);
    redirect(reference.success ? `/staff/requests/${reference.data}?notice=note-error` : "/staff");
  }

  const { reference, note } = parsed.data;
  const found = await addRequestNote(await getDb(), reference, note, new Date());
  redirect(found ? `/staff/requests/${reference}?notice=note` : "/staff");
}
