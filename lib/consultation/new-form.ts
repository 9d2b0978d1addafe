import { getSecretKey } from "@/lib/secrets";
import { createFormToken, createIdempotencyKey } from "./form-token";
import type { FormMetaValues } from "./state";

/** The hidden fields of one freshly rendered form. */
export function newFormMeta(now: Date = new Date()): FormMetaValues {
  const key = createIdempotencyKey();
  return { token: createFormToken(getSecretKey("form-token"), now, key), key };
}
