"use server";

import "server-only";
import type { Kysely } from "kysely";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientHash } from "@/lib/client-hash";
import { getDb } from "@/lib/db/client";
import { addRequestNote, deleteRequest, updateRequestStatus } from "@/lib/db/staff-requests";
import type { Database } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import {
  endStaffSession,
  getStaffSession,
  requireStaff,
  startStaffSession,
} from "@/lib/staff/auth";
import { attemptSignIn } from "@/lib/staff/lockout";
import { passwordMatches } from "@/lib/staff/password";
import {
  deleteSchema,
  noteSchema,
  referenceSchema,
  requestPage,
  signInSchema,
  statusChangeSchema,
  type RequestNotice,
} from "@/lib/staff/schemas";

/*
 * Every staff form posts to one of these actions. Results travel back as a
 * fixed code in the URL (its message lives with the code, in schemas.ts), so
 * the forms work without JavaScript and need no client component.
 */

/**
 * The guard every signed-in action goes through, so none can forget a step:
 * the session is checked before anything is read (without one: touch nothing
 * and say nothing about whether a request exists), the form is parsed with the
 * action's schema, and the action's answer is where to go next. A form that
 * does not parse goes back to its request with `invalid`'s notice, when the
 * reference itself is sound, and to the inbox otherwise.
 */
function staffAction<S extends z.ZodObject>(
  schema: S,
  run: (input: z.output<S>, db: Kysely<Database>, now: Date) => Promise<string>,
  invalid?: RequestNotice,
) {
  return async (formData: FormData): Promise<void> => {
    await requireStaff();
    const fields = Object.fromEntries(
      Object.keys(schema.shape).map((key) => [key, formData.get(key) ?? undefined]),
    );
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const reference = referenceSchema.safeParse(fields.reference);
      redirect(invalid && reference.success ? requestPage(reference.data, invalid) : "/staff");
    }
    redirect(await run(parsed.data, await getDb(), new Date()));
  };
}

/** Back to the request with a notice, or to the inbox when no request has that reference. */
const backTo = (found: boolean, reference: string, notice: RequestNotice) =>
  found ? requestPage(reference, notice) : "/staff";

export const updateRequestStatusAction = staffAction(
  statusChangeSchema,
  async ({ reference, status }, db, now) =>
    backTo(await updateRequestStatus(db, reference, status, now), reference, "status"),
);

export const addRequestNoteAction = staffAction(
  noteSchema,
  async ({ reference, note }, db, now) =>
    backTo(await addRequestNote(db, reference, note, now), reference, "note"),
  "note-error",
);

export const deleteRequestAction = staffAction(
  deleteSchema,
  async ({ reference }, db) =>
    (await deleteRequest(db, reference)) ? `/staff?deleted=${reference}` : "/staff",
  // Most likely the confirm box was left unticked: go back and say so.
  "delete-error",
);

// Signed out already: nothing to end, back to sign-in like any other action without a session.
export const staffSignOutAction = staffAction(z.object({}), async () => {
  // Recorded on the server, so a copy of the cookie stops working too.
  await endStaffSession();
  return "/staff";
});

export async function staffSignInAction(formData: FormData): Promise<void> {
  const password = getEnv().STAFF_PASSWORD;
  if (!password || (await getStaffSession())) redirect("/staff");

  const parsed = signInSchema.safeParse({ password: formData.get("password") ?? undefined });
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
