import { randomInt } from "node:crypto";

/*
 * A reference a visitor can read out on the phone: no 0/O, 1/I/L or U, so it
 * survives handwriting and bad lines. 30^6 is about 7e8 values; a collision is
 * caught by the unique constraint and the insert retried with a new one.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 6;

export const REFERENCE_PATTERN = /^BP-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/;

export function generateReference(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[random(ALPHABET.length)];
  return `BP-${code}`;
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}
