"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteRequest, saveFollowUp } from "@/lib/db/staff-requests";
import { endStaffSession } from "@/lib/staff/auth";
import { formFields, staffFormAction, staffStateAction } from "@/lib/staff/action-client";
import { saveFailed } from "@/lib/staff/save-failure";
import {
  deleteSchema,
  followUpSchema,
  NOTE_MAX,
  referenceSchema,
  requestPage,
  type RequestNotice,
} from "@/lib/staff/schemas";
import type { FollowUpState } from "@/lib/validations/follow-up";

/*
 * Every staff form posts to one of these actions. Results travel back as a
 * fixed code in the URL (its message lives with the code, in schemas.ts), so
 * the forms work without JavaScript; the follow-up form, which holds typing,
 * is answered with its values when a save is refused or fails.
 */

/** A follow-up answer that hands back what was typed (the note cut to a sane length). */
function typedFollowUp(raw: Record<string, unknown>, previous: FollowUpState): FollowUpState {
  return {
    status: String(raw.status ?? ""),
    note: String(raw.note ?? "").slice(0, NOTE_MAX * 2),
    answer: (Number(previous?.answer) || 0) + 1,
  };
}

/** A request's reference from the form, when it is sound: refusals go back to that request. */
const referenceOf = (raw: Record<string, unknown>) => referenceSchema.safeParse(raw.reference);

/**
 * The request page's one follow-up form: the status and a note, saved
 * together (two forms dropped a changed status when the note's button was
 * pressed). A refused or failed save comes back with what was typed.
 */
export const saveFollowUpAction = staffStateAction({
  endpoint: "saveFollowUpAction",
  read: formFields(["reference", "status", "note"]),
  schema: followUpSchema,
  invalid: (error, raw, previous: FollowUpState): FollowUpState => {
    if (!referenceOf(raw).success) redirect("/staff");
    return {
      ...typedFollowUp(raw, previous),
      error: `Nothing was saved: ${error.issues[0]?.message}.`,
    };
  },
  run: async ({ input, db, now, actor, record }): Promise<FollowUpState> => {
    const by = { accountId: actor.accountId, name: actor.name };
    const saved = await saveFollowUp(db, input.reference, input, now, by);
    if (!saved) redirect("/staff");
    const request = { type: "request", id: input.reference } as const;
    if (saved.status)
      record({
        event: "status-changed",
        object: request,
        detail: { from: saved.from ?? "", to: input.status },
      });
    if (saved.note) record({ event: "note-added", object: request });
    const notice = saved.status
      ? saved.note
        ? "saved"
        : "status"
      : saved.note
        ? "note"
        : "unchanged";
    redirect(requestPage(input.reference, notice));
  },
  failed: (error, raw, previous) => {
    const kept = "The status you chose and your note are kept below.";
    return { ...typedFollowUp(raw, previous), error: saveFailed(error, "Nothing was saved", kept) };
  },
});

/** Back to the request with a notice, when the form named one soundly; else to the inbox. */
const backToRequest = (raw: Record<string, unknown>, notice: RequestNotice): never => {
  const reference = referenceOf(raw);
  redirect(reference.success ? requestPage(reference.data, notice) : "/staff");
};

export const deleteRequestAction = staffFormAction({
  endpoint: "deleteRequestAction",
  read: formFields(["reference", "confirm"]),
  schema: deleteSchema,
  // Most likely the confirm box was left unticked: go back and say so.
  invalid: (_error, raw) => backToRequest(raw, "delete-error"),
  run: async ({ input: { reference }, db, record }) => {
    if (!(await deleteRequest(db, reference))) redirect("/staff");
    record({ event: "request-deleted", object: { type: "request", id: reference } });
    redirect(`/staff?deleted=${reference}`);
  },
  failed: (error, raw) => {
    // Said on the request's page, not a bare 500; the log has the technical line.
    saveFailed(error, "A staff action was not saved");
    return backToRequest(raw, "save-failed");
  },
});

// Signed out already: nothing to end, back to sign-in like any other action without a session.
export const staffSignOutAction = staffFormAction({
  endpoint: "staffSignOutAction",
  read: () => ({}),
  schema: z.object({}),
  invalid: () => redirect("/staff"),
  run: async () => {
    // Recorded on the server, so a copy of the cookie stops working too.
    await endStaffSession();
    redirect("/staff");
  },
  failed: (error) => {
    saveFailed(error, "Sign-out not recorded");
    redirect("/staff");
  },
});
