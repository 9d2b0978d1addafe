import "server-only";
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { isStaffSessionRevoked, revokeStaffSession } from "@/lib/db/staff-sessions";
import { getEnv } from "@/lib/env";
import { getSecretKey } from "@/lib/secrets";
import {
  SESSION_COOKIE,
  sessionCookieOptions,
  signSession,
  verifySession,
  type StaffSession,
} from "./session";

/*
 * Every staff page, route and action checks the session itself (requireStaff()
 * or getStaffSession()); nothing
 * relies on a layout or the proxy having checked first. Reading cookies() also
 * makes each caller dynamic, so no staff response is ever prerendered.
 */
export function staffAreaEnabled(): boolean {
  return getEnv().STAFF_PASSWORD !== undefined;
}

// Mixing the password into the key means changing STAFF_PASSWORD signs everyone out.
function sessionKey(password: string): Buffer {
  return createHmac("sha256", getSecretKey("staff-session")).update(password, "utf8").digest();
}

async function currentSession(): Promise<StaffSession | null> {
  const password = getEnv().STAFF_PASSWORD;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!password || !token) return null;
  return verifySession(token, sessionKey(password), new Date());
}

/** The signed-in staff session, or null: for pages that show sign-in instead, and the CSV's 401. */
export async function getStaffSession(): Promise<StaffSession | null> {
  const session = await currentSession();
  if (!session) return null;
  return (await isStaffSessionRevoked(await getDb(), session.nonce)) ? null : session;
}

/** The signed-in staff session; without one, the caller never continues: it goes to sign-in. */
export async function requireStaff(): Promise<StaffSession> {
  const session = await getStaffSession();
  if (!session) redirect("/staff");
  return session;
}

export async function startStaffSession(now: Date): Promise<StaffSession | null> {
  const { STAFF_PASSWORD: password, NODE_ENV } = getEnv();
  if (!password) return null;
  const options = sessionCookieOptions(NODE_ENV === "production");
  const token = signSession(sessionKey(password), now);
  (await cookies()).set(SESSION_COOKIE, token, options);
  return verifySession(token, sessionKey(password), now);
}

export async function endStaffSession(): Promise<void> {
  const session = await currentSession();
  // Recorded on the server, so a copy of the cookie stops working too.
  if (session) await revokeStaffSession(await getDb(), session.nonce, session.expiresAt);
  const { path } = sessionCookieOptions(false);
  (await cookies()).delete({ name: SESSION_COOKIE, path });
}
