import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { countAccounts } from "@/lib/db/staff-accounts";
import { createSession, endSession, findSession, touchSession } from "@/lib/db/staff-sessions";
import type { Database, SessionStage } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import {
  cookieTokenHash,
  newSessionToken,
  SESSION_COOKIE,
  sessionCookieOptions,
  sessionEnd,
  sessionVerdict,
  toStaffSession,
  type StaffSession,
} from "./session";

/*
 * Every staff page, route and action checks the session itself (through
 * lib/staff/actor.ts, or getStaffSession() here); nothing relies on a layout
 * or the proxy having checked first. Reading cookies() also makes each
 * caller dynamic, so no staff response is ever prerendered.
 */

/** False until the first account exists: /staff then says how to create the owner. */
export async function hasStaffAccounts(): Promise<boolean> {
  return (await countAccounts(await getDb())) > 0;
}

/*
 * Requests a page makes by itself (the editor's presence heartbeat) are not
 * the person's activity: an editor left open must still be signed out when
 * idle. Such a route runs its guard inside withoutActivity().
 */
const passive = new AsyncLocalStorage<true>();

export function withoutActivity<T>(run: () => Promise<T>): Promise<T> {
  return passive.run(true, run);
}

// Once per request, however many components ask: the session is read and touched once.
const currentSession = cache(async (): Promise<StaffSession | null> => {
  const hash = cookieTokenHash((await cookies()).get(SESSION_COOKIE)?.value);
  if (!hash) return null;
  const db = await getDb();
  const record = await findSession(db, hash);
  if (!record) return null;
  const now = new Date();
  if (sessionVerdict(record, now, getEnv().STAFF_IDLE_MINUTES) !== "open") return null;
  if (passive.getStore()) return toStaffSession(record);
  // Activity: every staff request pushes idle sign-out back.
  await touchSession(db, record.id, now);
  return { ...toStaffSession(record), lastSeenAt: now };
});

/** The signed-in staff session, or null: for pages that show sign-in instead, and the CSV's 401. */
export async function getStaffSession(): Promise<StaffSession | null> {
  const session = await currentSession();
  return session?.stage === "full" ? session : null;
}

/** A session whose password was right but still owes a second step (lib/staff/two-step-gate.ts). */
export async function getPendingSession(): Promise<StaffSession | null> {
  const session = await currentSession();
  return session && session.stage !== "full" ? session : null;
}

export interface SignInContext {
  userAgent: string;
  clientHash: string;
  now: Date;
}

/**
 * Starts a sign-in at `stage` and sets its cookie (actions only). Any
 * session this browser held before ends first, so a sign-in never inherits
 * another person's half-finished one.
 */
export async function startStaffSession(
  db: Kysely<Database>,
  accountId: string,
  stage: SessionStage,
  context: SignInContext,
): Promise<string> {
  const before = await currentSession();
  if (before) await endSession(db, before.nonce, "signed-out", context.now);
  const { token, hash } = newSessionToken();
  const id = randomUUID();
  await createSession(db, {
    id,
    tokenHash: hash,
    accountId,
    stage,
    userAgent: context.userAgent,
    clientHash: context.clientHash,
    now: context.now,
    expiresAt: sessionEnd(context.now),
  });
  const options = sessionCookieOptions(getEnv().NODE_ENV === "production");
  (await cookies()).set(SESSION_COOKIE, token, options);
  return id;
}

/** Signs out: the row is ended on the server, so a copy of the cookie stops working too. */
export async function endStaffSession(): Promise<StaffSession | null> {
  const session = await currentSession();
  if (session) await endSession(await getDb(), session.nonce, "signed-out", new Date());
  const { path } = sessionCookieOptions(false);
  (await cookies()).delete({ name: SESSION_COOKIE, path });
  return session;
}
