import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePrivateDir, ensurePrivateFile } from "@/lib/db/data-dir";
import { getEnv } from "@/lib/env";

/*
 * One master secret, a separate key per purpose: a leaked form-token key does
 * not let anyone reverse client hashes or forge staff sessions. Signed tokens
 * (the form's render time, the staff session) are made and checked here too.
 * "totp-key" encrypts authenticator-app keys at rest (lib/staff/totp.ts):
 * changing APP_SECRET makes every person set up their app again.
 */
export type SecretPurpose = "form-token" | "client-hash" | "staff-session" | "totp-key";

/** The generated master secret's file in DATA_DIR, which every backup carries (lib/db/backup.ts). */
export const SECRET_FILE = "app-secret";
const keys = new Map<SecretPurpose, Buffer>();

export function getSecretKey(purpose: SecretPurpose): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    const derived = hkdfSync("sha256", masterSecret(), "clinic-site", purpose, 32);
    key = Buffer.from(derived);
    keys.set(purpose, key);
  }
  return key;
}

function masterSecret(): string {
  const env = getEnv();
  if (env.APP_SECRET) return env.APP_SECRET;
  // Several servers sharing PostgreSQL must share one secret, or tokens and hashes disagree.
  if (env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new Error(
      "APP_SECRET must be set (32+ characters) when DATABASE_URL is used in production",
    );
  }
  return readOrCreateSecretFile(env.DATA_DIR);
}

/** The embedded default: a random secret written once into DATA_DIR, readable only by its owner. */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  ensurePrivateDir(dataDir);
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    ensurePrivateFile(file);
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    throw new Error(`${file} is shorter than 32 characters: delete it to regenerate`);
  return secret;
}

/** For tests that change APP_SECRET or DATA_DIR between cases. */
export function resetSecretCache(): void {
  keys.clear();
}

/*
 * A signed token is its parts joined by dots, then an HMAC of those parts:
 * "v2.<issuedMs>.<mac>" for a form, "v1.<issuedMs>.<expiresMs>.<nonce>.<mac>"
 * for a staff session. Parts must not contain dots. `bound` is signed but not
 * carried: the token is only valid beside it (the form's idempotency key).
 */
const mac = (key: Buffer, payload: string, bound: string) =>
  createHmac("sha256", key)
    .update(bound ? `${payload}.${bound}` : payload)
    .digest("base64url");

export function signToken(key: Buffer, parts: readonly (string | number)[], bound = ""): string {
  const payload = parts.join(".");
  return `${payload}.${mac(key, payload, bound)}`;
}

/** The parts of an authentic token, or null for a forged, altered or malformed one; never throws. */
export function openToken(token: string | undefined, key: Buffer, bound = ""): string[] | null {
  if (!token || token.length > 300) return null;
  const cut = token.lastIndexOf(".");
  if (cut < 0) return null;
  const payload = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(mac(key, payload, bound));
  // timingSafeEqual needs equal lengths; a length mismatch says nothing about the key.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return payload.split(".");
}
