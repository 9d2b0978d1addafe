import "server-only";
import { randomUUID } from "node:crypto";
import { getSecretKey, openToken, signToken } from "@/lib/secrets";
import type { FormMetaValues } from "./types";

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

export function createFormToken(key: Buffer, now: Date, formKey: string): string {
  return signToken(key, [VERSION, now.getTime()], formKey);
}

export function verifyFormToken(
  token: string,
  key: Buffer,
  now: Date,
  minFillSeconds: number,
  formKey: string,
): TokenVerdict {
  const [version, issued, extra] = openToken(token, key, formKey) ?? [];
  if (version !== VERSION || !issued || extra !== undefined || !/^\d{1,15}$/.test(issued))
    return "bad-signature";
  const age = now.getTime() - Number(issued);
  if (age < minFillSeconds * 1000) return "too-fast";
  if (age > TOKEN_MAX_AGE_MS) return "expired";
  return "ok";
}

/**
 * The hidden fields of one freshly rendered form: its signed render time and
 * a fresh idempotency key, whose unique constraint makes re-sends harmless.
 */
export function newFormMeta(now: Date = new Date(), from = ""): FormMetaValues {
  const key = randomUUID();
  return { token: createFormToken(getSecretKey("form-token"), now, key), key, from };
}
