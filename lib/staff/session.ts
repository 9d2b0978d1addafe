import "server-only";
import { randomBytes } from "node:crypto";
import type { SessionRecord } from "@/lib/db/staff-sessions";
import type { SessionStage } from "@/lib/db/types";
import { hashToken } from "./tokens";

/*
 * A staff session is a row in staff_sessions (one per sign-in); the cookie
 * carries a random token whose SHA-256 finds the row. Whether the row still
 * opens anything is decided here, at every request: not ended (signed out,
 * ended by its person or the owner, account reset), its account still
 * active, seen within STAFF_IDLE_MINUTES, and less than 8 hours old.
 */
export const SESSION_COOKIE = "staff_session";
export const SESSION_HOURS = 8;
const SESSION_MS = SESSION_HOURS * 60 * 60 * 1000;

export interface StaffSession {
  /** staff_sessions.id: random per sign-in. */
  nonce: string;
  accountId: string;
  stage: SessionStage;
  issuedAt: Date;
  /** The absolute end; idle sign-out may come earlier. */
  expiresAt: Date;
  lastSeenAt: Date;
  account: SessionRecord["account"];
}

export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function sessionEnd(now: Date): Date {
  return new Date(now.getTime() + SESSION_MS);
}

/** The hash of a cookie's token, or null for a value no sign-in of ours set. */
export function cookieTokenHash(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? hashToken(value) : null;
}

export type SessionVerdict = "open" | "ended" | "account-off" | "idle" | "expired";

export function sessionVerdict(
  record: SessionRecord,
  now: Date,
  idleMinutes: number,
): SessionVerdict {
  if (record.endedAt !== null) return "ended";
  if (record.account.state !== "active") return "account-off";
  const created = Date.parse(record.createdAt);
  // The 8 hours are counted from the sign-in too, whatever the row's end says.
  if (now.getTime() >= Date.parse(record.expiresAt) || now.getTime() - created >= SESSION_MS) {
    return "expired";
  }
  if (now.getTime() - Date.parse(record.lastSeenAt) >= idleMinutes * 60_000) return "idle";
  return "open";
}

export function toStaffSession(record: SessionRecord): StaffSession {
  return {
    nonce: record.id,
    accountId: record.accountId,
    stage: record.stage,
    issuedAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
    lastSeenAt: new Date(record.lastSeenAt),
    account: record.account,
  };
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

/** "Firefox on Windows": enough to tell one's own devices apart, without keeping the whole header. */
export function shortenUserAgent(header: string | null): string {
  const ua = header ?? "";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\/|Opera/, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrome\/|Chromium\/|CriOS\//, "Chrome"],
      [/Safari\//, "Safari"],
    ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] ?? "A browser";
  const system =
    [
      [/iPhone|iPad|iPod/, "iPhone or iPad"],
      [/Android/, "Android"],
      [/Windows/, "Windows"],
      [/Mac OS X|Macintosh/, "Mac"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] ?? "an unknown system";
  return `${browser as string} on ${system as string}`;
}
