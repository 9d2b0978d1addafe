import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import type { Kysely } from "kysely";
import QRCode from "qrcode";
import type { Database } from "@/lib/db/types";
import { claimTotpStep, confirmPendingTotp, getTotp, savePendingTotp } from "@/lib/db/staff-totp";
import { getSecretKey } from "@/lib/secrets";

/*
 * Authenticator-app codes (RFC 6238): SHA-1, 30-second steps, 6 digits, as
 * every app expects; a code of the step before or after is taken for clock
 * drift (±1), and each step is spent once it has been used. The key is kept
 * only encrypted with AES-256-GCM, its ciphertext bound to the account id, so
 * a row copied onto another account does not decrypt.
 */
export const TOTP = { period: 30, digits: 6, algorithm: "SHA-1", window: 1 } as const;

type Db = Kysely<Database>;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, which the otpauth URI and the apps expect. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** 160 random bits, the key length RFC 4226 recommends (the package's default is 80). */
export function newTotpKey(): string {
  return base32(randomBytes(20));
}

/** The key in groups of four, as a person types it into an app by hand. */
export function groupKey(key: string): string {
  return key.match(/.{1,4}/g)?.join(" ") ?? key;
}

export function encryptTotpKey(key: string, accountId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", getSecretKey("totp-key"), iv);
  cipher.setAAD(Buffer.from(accountId, "utf8"));
  const sealed = Buffer.concat([cipher.update(key, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url"));
  return ["v1", ...parts].join(".");
}

/** The key, or null when the text was not sealed for this account under this APP_SECRET. */
export function decryptTotpKey(sealed: string, accountId: string): string | null {
  const [version, iv, tag, data, extra] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !data || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      getSecretKey("totp-key"),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAAD(Buffer.from(accountId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const key = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
    return key.toString("utf8");
  } catch {
    return null;
  }
}

/** Six digits, with the spaces and dashes people type or paste removed; null otherwise. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

const stepAt = (ms: number) => Math.floor(ms / 1000 / TOTP.period);

/**
 * The time step the code belongs to (now, or one either side), or null. The
 * package checks against the clock itself and reports only the offset, so the
 * step is read before and after: should a step boundary pass in between, the
 * check runs again.
 */
async function matchingStep(code: string, key: string): Promise<number | null> {
  for (;;) {
    const before = stepAt(Date.now());
    const match = await verifyTOTP({ otp: code, secret: key, ...TOTP });
    if (stepAt(Date.now()) !== before) continue;
    return match ? before + match.delta : null;
  }
}

export interface TotpSetup {
  /** Base32; shown as text for typing by hand. */
  key: string;
  uri: string;
  /** The QR code of `uri`, drawn here: no image service ever sees the key. */
  qrSvg: string;
}

/** Starts (or restarts) setting up an app: a new key, pending until a code from it is given. */
export async function beginTotpSetup(db: Db, accountId: string, now: Date): Promise<void> {
  await savePendingTotp(db, accountId, encryptTotpKey(newTotpKey(), accountId), now);
}

/** What the set-up page shows for the pending key, or null when none is pending. */
export async function pendingTotpSetup(
  db: Db,
  account: { id: string; email: string },
  issuer: string,
): Promise<TotpSetup | null> {
  const row = await getTotp(db, account.id);
  const key = row?.pending_secret ? decryptTotpKey(row.pending_secret, account.id) : null;
  if (!key) return null;
  const uri = getTOTPAuthUri({
    ...TOTP,
    secret: key,
    accountName: account.email,
    issuer,
  });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { key, uri, qrSvg };
}

/** A code from the pending key confirms it: from then on it is the one asked for at sign-in. */
export async function confirmTotpSetup(
  db: Db,
  accountId: string,
  input: string,
  now: Date,
): Promise<boolean> {
  const code = normaliseCode(input);
  const row = await getTotp(db, accountId);
  if (!code || !row?.pending_secret) return false;
  const key = decryptTotpKey(row.pending_secret, accountId);
  const step = key ? await matchingStep(code, key) : null;
  if (step === null) return false;
  return confirmPendingTotp(db, accountId, row.pending_secret, step, now);
}

/** A sign-in code: right for the confirmed key and not used before (nor any earlier step). */
export async function verifyTotpCode(db: Db, accountId: string, input: string): Promise<boolean> {
  const code = normaliseCode(input);
  const row = await getTotp(db, accountId);
  if (!code || !row?.secret) return false;
  const key = decryptTotpKey(row.secret, accountId);
  const step = key ? await matchingStep(code, key) : null;
  if (step === null || (row.last_used_step !== null && step <= row.last_used_step)) return false;
  return claimTotpStep(db, accountId, step);
}

export async function hasTotp(db: Db, accountId: string): Promise<boolean> {
  return Boolean((await getTotp(db, accountId))?.secret);
}
