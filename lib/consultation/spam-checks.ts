import type { FormMeta } from "@/lib/validations/consultation-form-data";
import { verifyFormToken } from "./form-token";

/*
 * A suspected bot gets the same answer as a person, so it learns nothing, and
 * its request is stored as "spam" where staff can still find a false positive.
 */
export type SpamReason = "honeypot" | "no-key" | "bad-signature" | "too-fast" | "expired";

export function spamReason(
  meta: FormMeta,
  options: { tokenKey: Buffer; now: Date; minFillSeconds: number },
): SpamReason | null {
  if (meta.honeypot.trim() !== "") return "honeypot";
  if (meta.key === "") return "no-key";
  const verdict = verifyFormToken(
    meta.token,
    options.tokenKey,
    options.now,
    options.minFillSeconds,
    meta.key,
  );
  return verdict === "ok" ? null : verdict;
}
