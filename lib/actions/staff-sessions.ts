"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { endOtherSessions, endSession, listSessions } from "@/lib/db/staff-sessions";
import { getEnv } from "@/lib/env";
import { formFields, staffFormAction } from "@/lib/staff/action-client";
import { saveFailed } from "@/lib/staff/save-failure";
import { sessionSchema, type SessionNotice } from "@/lib/validations/staff-accounts";

/*
 * Everyone's own sessions (/staff/sessions): end one other sign-in, or every
 * one but this. A person can only ever end their own (endSession is given
 * their account id); the owner ends anyone's from the accounts page.
 */
const PAGE = "/staff/sessions";

function backTo(notice: SessionNotice): never {
  revalidatePath(PAGE);
  redirect(`${PAGE}?notice=${notice}`);
}

const failed =
  (what: string) =>
  (error: unknown): never => {
    saveFailed(error, what);
    return backTo("save-failed");
  };

export const endMySessionAction = staffFormAction({
  endpoint: "endMySessionAction",
  read: formFields(["session"]),
  schema: sessionSchema,
  invalid: () => backTo("none-ended"),
  run: async ({ input, actor, db, now, record }) => {
    if (input.session === actor.sessionId) backTo("this-session");
    const sessions = await listSessions(db, {
      accountId: actor.accountId,
      now,
      idleMinutes: getEnv().STAFF_IDLE_MINUTES,
    });
    const device = sessions.find((session) => session.id === input.session)?.userAgent;
    if (!(await endSession(db, input.session, "ended-by-self", now, actor.accountId))) {
      backTo("none-ended");
    }
    record({
      event: "session-ended",
      object: { type: "session", id: input.session },
      detail: { change: "ended by its own account", ...(device ? { device } : {}) },
    });
    backTo("ended");
  },
  failed: failed("The session was not ended"),
});

export const endMyOtherSessionsAction = staffFormAction({
  endpoint: "endMyOtherSessionsAction",
  read: () => ({}),
  schema: z.object({}),
  invalid: () => backTo("none-ended"),
  run: async ({ actor, db, now, record }) => {
    const ended = await endOtherSessions(db, actor.accountId, actor.sessionId, now);
    if (ended === 0) backTo("none-ended");
    record({
      event: "session-ended",
      object: { type: "account", id: actor.accountId },
      detail: {
        change: ended === 1 ? "1 other session ended" : `${ended} other sessions ended`,
      },
    });
    backTo("others-ended");
  },
  failed: failed("The other sessions were not ended"),
});
