import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/*
 * A signed render time. The form carries it back, so the server knows how long
 * the visitor took without keeping any session: bots that post instantly, or
 * replay a token from last week, are told apart from people. The signature
 * covers the form's idempotency key too, so one token vouches for one request:
 * a bot that fetched a single form cannot post it a thousand times with fresh keys.
 */
const VERSION = "v2";
export const TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type TokenVerdict = "ok" | "bad-signature" | "too-fast" | "expired";

function sign(key: Buffer, issuedAt: number, formKey: string): string {
  return createHmac("sha256", key).update(`${VERSION}.${issuedAt}.${formKey}`).digest("base64url");
}

export function createFormToken(key: Buffer, now: Date, formKey: string): string {
  const issuedAt = now.getTime();
  return `${VERSION}.${issuedAt}.${sign(key, issuedAt, formKey)}`;
}

export function verifyFormToken(
  token: string,
  key: Buffer,
  now: Date,
  minFillSeconds: number,
  formKey: string,
): TokenVerdict {
  const [version, issued, signature] = token.split(".");
  if (version !== VERSION || !issued || !signature || !/^\d{1,15}$/.test(issued))
    return "bad-signature";
  const issuedAt = Number(issued);
  const expected = Buffer.from(sign(key, issuedAt, formKey));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "bad-signature";
  const age = now.getTime() - issuedAt;
  if (age < minFillSeconds * 1000) return "too-fast";
  if (age > TOKEN_MAX_AGE_MS) return "expired";
  return "ok";
}

/** A fresh key per rendered form; the unique constraint on it makes re-sends harmless. */
export function createIdempotencyKey(): string {
  return randomUUID();
}
