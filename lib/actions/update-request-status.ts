"use server";

import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { updateRequestStatus } from "@/lib/db/staff-requests";
import { requireStaff } from "@/lib/staff/auth";
import { formFields, statusChangeSchema } from "@/lib/staff/schemas";

export async function updateRequestStatusAction(formData: FormData): Promise<void> {
  // Without a session: touch nothing and say nothing about whether the request exists.
  if (!(await requireStaff())) redirect("/staff");
  const parsed = statusChangeSchema.safeParse(formFields(formData, ["reference", "status"]));
  if (!parsed.success) redirect("/staff");

  const { reference, status } = parsed.data;
  const found = await updateRequestStatus(await getDb(), reference, status, new Date());
  redirect(found ? `/staff/requests/${reference}?notice=status` : "/staff");
}
