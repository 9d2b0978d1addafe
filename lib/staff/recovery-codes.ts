import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import {
  countUnusedRecoveryCodes,
  replaceRecoveryCodes,
  spendRecoveryCode,
} from "@/lib/db/staff-recovery-codes";

/*
 * Ten recovery codes per account, for a lost phone: shown once when made,
 * kept only as SHA-256 hashes, each good for one sign-in. Ten characters
 * from 32 (50 random bits) make guessing hopeless within the sign-in limits,
 * so a plain hash suffices where a password needs argon2. The alphabet leaves
 * out 0/o, 1/l/i and u so a code read off paper is typed right.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 10;

type Db = Kysely<Database>;

function newCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What was typed, as stored: lower case, spaces and dashes removed; null when it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}

/** A new set of ten, replacing every earlier code; returned once, to be shown once. */
export async function issueRecoveryCodes(db: Db, accountId: string, now: Date): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newCode());
  const hashes = [...codes].map((code) => hashRecoveryCode(code.replace("-", "")));
  await replaceRecoveryCodes(db, accountId, hashes, now);
  return [...codes];
}

/** True once for each issued code; false for a wrong, malformed or already used one. */
export async function redeemRecoveryCode(
  db: Db,
  accountId: string,
  input: string,
  now: Date,
): Promise<boolean> {
  const code = normaliseRecoveryCode(input);
  if (!code) return false;
  return spendRecoveryCode(db, accountId, hashRecoveryCode(code), now);
}

export const remainingRecoveryCodes = (db: Db, accountId: string) =>
  countUnusedRecoveryCodes(db, accountId);
