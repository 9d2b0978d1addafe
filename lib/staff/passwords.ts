import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

/*
 * Staff passwords: argon2id with a random salt per hash (the library's
 * defaults are OWASP's: 19 MiB, 2 passes, 1 lane), and the rules of OWASP
 * ASVS v4 2.1: at least 12 characters, no upper limit worth noticing, not a
 * common password, not the person's own email or name. Passwords are never
 * logged, stored or sent back; only the PHC string is kept.
 */
export const PASSWORD_MIN = 12;
// argon2 takes any length; this only stops a megabyte "password" from costing a hash.
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"));
}

/** False for a wrong password and for anything that is not a PHC string; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a hash made for no account, so that an unknown email or a
 * locked account costs about the time of a real check: the answer's timing
 * does not tell whether the address has an account.
 */
export async function spendVerifyTime(password: string): Promise<void> {
  dummy ??= hash("no account has this password");
  await verifyPassword(await dummy, password);
}

let common: Set<string> | undefined;

// Read once, from the repository's copy (see the file's header for where it comes from).
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(
      /*turbopackIgnore: true*/ process.cwd(),
      "lib",
      "staff",
      "common-passwords.txt",
    );
    const lines = readFileSync(file, "utf8").split("\n");
    common = new Set(lines.filter((line) => line && !line.startsWith("#")));
  }
  return common;
}

const fold = (value: string) => value.normalize("NFKC").trim().toLowerCase();

/**
 * What is wrong with a new password, as a sentence that names the field and
 * says what to write instead; null when it may be used. A common password
 * with digits or symbols added at the end ("sunshine2024!") counts as common.
 */
export function passwordProblem(
  password: string,
  person: { email: string; name: string },
): string | null {
  if (password.length < PASSWORD_MIN) {
    return `Password: write at least ${PASSWORD_MIN} characters (a few unrelated words make a long password that is easy to remember).`;
  }
  if (password.length > PASSWORD_MAX) {
    return `Password: write at most ${PASSWORD_MAX} characters.`;
  }
  const folded = fold(password);
  const stem = folded.replace(/[\d\W_]+$/u, "");
  const list = commonPasswords();
  if (list.has(folded) || (stem.length >= 4 && list.has(stem))) {
    return "Password: this one is on a list of common passwords that attackers try first. Choose another, for example a few unrelated words.";
  }
  const email = fold(person.email);
  const name = fold(person.name);
  if (folded === email || folded === email.split("@")[0] || (name && folded === name)) {
    return "Password: it must not be your email address or your name. Choose something else.";
  }
  return null;
}
