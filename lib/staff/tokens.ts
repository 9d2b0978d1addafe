import "server-only";
import { createHash, randomBytes } from "node:crypto";

/*
 * Invitation, reset and review links (lib/staff/review-links.ts). The token is 32 random bytes; the database
 * keeps only its SHA-256 (a copy of the database opens nothing), and a
 * plain hash is enough because the token is random, not chosen by a person.
 * Single use and the one-per-account rule are kept by lib/db/staff-accounts.ts.
 */
export const TOKEN_HOURS = 72;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  /** Goes into the link, once; never stored. */
  token: string;
  hash: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function issueToken(now: Date, hours: number = TOKEN_HOURS): IssuedToken {
  const token = randomBytes(32).toString("base64url");
  return {
    token,
    hash: hashToken(token),
    expiresAt: new Date(now.getTime() + hours * 60 * 60_000),
  };
}

/** The hash of a token read from a link, or null for something no link of ours carries. */
export function tokenHashFromLink(value: unknown): string | null {
  return typeof value === "string" && TOKEN_PATTERN.test(value) ? hashToken(value) : null;
}
