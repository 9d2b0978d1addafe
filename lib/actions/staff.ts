"use server";

import "server-only";
import type { Kysely } from "kysely";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientHash } from "@/lib/client-hash";
import { getDb } from "@/lib/db/client";
import { deleteRequest, saveFollowUp } from "@/lib/db/staff-requests";
import type { Database } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import {
  endStaffSession,
  getStaffSession,
  requireStaff,
  startStaffSession,
} from "@/lib/staff/auth";
import { rememberAuthorName } from "@/lib/staff/author";
import { attemptSignIn } from "@/lib/staff/lockout";
import { passwordMatches } from "@/lib/staff/password";
import { saveFailed } from "@/lib/staff/save-failure";
import {
  deleteSchema,
  followUpSchema,
  NOTE_MAX,
  referenceSchema,
  requestPage,
  signInSchema,
  type RequestNotice,
} from "@/lib/staff/schemas";
import type { FollowUpState } from "@/lib/validations/follow-up";

/*
 * Every staff form posts to one of these actions. Results travel back as a
 * fixed code in the URL (its message lives with the code, in schemas.ts), so
 * the forms work without JavaScript; the follow-up form, which holds typing,
 * is answered with its values when a save is refused or fails.
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
    let next: string;
    try {
      next = await run(parsed.data, await getDb(), new Date());
    } catch (error) {
      // Said on the request's page, not a bare 500; the log has the technical line.
      saveFailed(error, "A staff action was not saved");
      const reference = referenceSchema.safeParse(fields.reference);
      next = reference.success ? requestPage(reference.data, "save-failed") : "/staff";
    }
    redirect(next);
  };
}

/**
 * The request page's one follow-up form: the status and a note, saved
 * together (two forms dropped a changed status when the note's button was
 * pressed). A refused or failed save comes back with what was typed.
 */
export async function saveFollowUpAction(
  previous: FollowUpState,
  formData: FormData,
): Promise<FollowUpState> {
  await requireStaff();
  const fields = Object.fromEntries(
    ["reference", "status", "note"].map((key) => [key, formData.get(key) ?? undefined]),
  );
  const typed: FollowUpState = {
    status: String(fields.status ?? ""),
    note: String(fields.note ?? "").slice(0, NOTE_MAX * 2),
    answer: (Number(previous?.answer) || 0) + 1,
  };
  const reference = referenceSchema.safeParse(fields.reference);
  if (!reference.success) redirect("/staff");
  const parsed = followUpSchema.safeParse(fields);
  if (!parsed.success)
    return { ...typed, error: `Nothing was saved: ${parsed.error.issues[0]?.message}.` };
  let saved;
  try {
    saved = await saveFollowUp(await getDb(), reference.data, parsed.data, new Date());
  } catch (error) {
    const kept = "The status you chose and your note are kept below.";
    return { ...typed, error: saveFailed(error, "Nothing was saved", kept) };
  }
  if (!saved) redirect("/staff");
  const notice = saved.status
    ? saved.note
      ? "saved"
      : "status"
    : saved.note
      ? "note"
      : "unchanged";
  redirect(requestPage(reference.data, notice));
}

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

  const parsed = signInSchema.safeParse({
    password: formData.get("password") ?? undefined,
    name: formData.get("name") ?? undefined,
  });
  if (!parsed.success) redirect("/staff?error=missing");

  const db = await getDb();
  const client = clientHash(await headers());
  const now = new Date();
  let verdict;
  try {
    verdict = await attemptSignIn(db, client, now, () =>
      passwordMatches(parsed.data.password, password),
    );
  } catch (error) {
    saveFailed(error, "Sign-in not possible");
    redirect("/staff?error=unavailable");
  }
  if (verdict !== "ok") redirect(`/staff?error=${verdict}`);
  const session = await startStaffSession(now);
  if (session && parsed.data.name) await rememberAuthorName(session, parsed.data.name);
  redirect("/staff");
}
