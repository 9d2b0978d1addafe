"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientHash } from "@/lib/client-hash";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { requireStaff, startStaffSession } from "@/lib/staff/auth";
import { attemptSignIn } from "@/lib/staff/lockout";
import { passwordMatches } from "@/lib/staff/password";
import { formFields, signInSchema } from "@/lib/staff/schemas";

/*
 * Errors travel back as a fixed code in the URL, so the form works without
 * JavaScript and needs no client component.
 */
export async function staffSignInAction(formData: FormData): Promise<void> {
  const password = getEnv().STAFF_PASSWORD;
  if (!password || (await requireStaff())) redirect("/staff");

  const parsed = signInSchema.safeParse(formFields(formData, ["password"]));
  if (!parsed.success) redirect("/staff?error=missing");

  const db = await getDb();
  const client = clientHash(await headers());
  const now = new Date();
  const verdict = await attemptSignIn(db, client, now, () =>
    passwordMatches(parsed.data.password, password),
  );
  if (verdict !== "ok") redirect(`/staff?error=${verdict}`);
  await startStaffSession(now);
  redirect("/staff");
}
