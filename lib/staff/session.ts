import "server-only";
import { randomBytes } from "node:crypto";
import { openToken, signToken } from "@/lib/secrets";

/*
 * A staff session is a signed token: "v1.<issuedMs>.<expiresMs>.<nonce>.<mac>".
 * The key it is checked with is derived from the staff password too (see
 * auth.ts), so changing STAFF_PASSWORD ends every session at once; signing out
 * revokes one session by its nonce (lib/db/staff-sessions.ts).
 */
export const SESSION_COOKIE = "staff_session";
export const SESSION_HOURS = 8;
const SESSION_MS = SESSION_HOURS * 60 * 60 * 1000;
const VERSION = "v1";

export interface StaffSession {
  issuedAt: Date;
  expiresAt: Date;
  /** Random per sign-in; signing out records it as revoked (see lib/db/staff-sessions.ts). */
  nonce: string;
}

export function signSession(key: Buffer, now: Date): string {
  const issued = now.getTime();
  return signToken(key, [
    VERSION,
    issued,
    issued + SESSION_MS,
    randomBytes(12).toString("base64url"),
  ]);
}

/** Returns the session when the token is authentic and unexpired, otherwise null; never throws. */
export function verifySession(
  token: string | undefined,
  key: Buffer,
  now: Date,
): StaffSession | null {
  if (token && token.length > 200) return null;
  const [version, issued, expires, nonce, extra] = openToken(token, key) ?? [];
  if (version !== VERSION || !nonce || extra !== undefined) return null;
  const issuedAt = Number(issued);
  const expiresAt = Number(expires);
  if (!Number.isSafeInteger(issuedAt) || !Number.isSafeInteger(expiresAt)) return null;
  // Also refuse tokens from the future, so a clock fix cannot stretch a session.
  if (now.getTime() >= expiresAt || issuedAt > now.getTime() + 60_000) return null;
  // The lifetime is counted from the issue time too: a token that carries a longer
  // expiry (signed by an older release, or with a leaked key) still ends after 8 hours.
  if (now.getTime() - issuedAt >= SESSION_MS || expiresAt - issuedAt > SESSION_MS) return null;
  return { issuedAt: new Date(issuedAt), expiresAt: new Date(expiresAt), nonce };
}

export function sessionCookieOptions(production: boolean) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: production,
    // Only staff pages need the cookie; public pages never see it.
    path: "/staff",
    maxAge: SESSION_MS / 1000,
  };
}
