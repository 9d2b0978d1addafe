"use server";

import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { deleteRequest } from "@/lib/db/staff-requests";
import { requireStaff } from "@/lib/staff/auth";
import { deleteSchema, formFields, referenceSchema } from "@/lib/staff/schemas";

export async function deleteRequestAction(formData: FormData): Promise<void> {
  if (!(await requireStaff())) redirect("/staff");
  const fields = formFields(formData, ["reference", "confirm"]);
  const parsed = deleteSchema.safeParse(fields);
  if (!parsed.success) {
    // Most likely the confirm box was left unticked: go back and say so.
    const reference = referenceSchema.safeParse(fields.reference);
    redirect(
      reference.success ? `/staff/requests/${reference.data}?notice=delete-error` : "/staff",
    );
  }

  const deleted = await deleteRequest(await getDb(), parsed.data.reference);
  redirect(deleted ? `/staff?deleted=${parsed.data.reference}` : "/staff");
}
