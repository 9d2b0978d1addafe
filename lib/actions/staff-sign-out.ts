"use server";

import "server-only";
import { redirect } from "next/navigation";
import { endStaffSession, requireStaff } from "@/lib/staff/auth";

export async function staffSignOutAction(): Promise<void> {
  if (await requireStaff()) await endStaffSession();
  redirect("/staff");
}
