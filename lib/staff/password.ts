import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/*
 * Hashing both sides first gives two 32-byte buffers, so timingSafeEqual can
 * compare them without leaking the password's length through an early return.
 */
export function passwordMatches(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
