import { createHmac } from "node:crypto";
import { getSecretKey } from "@/lib/secrets";

/*
 * Rate limits need to recognise a returning client, but an IP address is
 * personal data: only a keyed hash is kept, which cannot be reversed without
 * the secret. The address comes from the proxy's headers, so deploy behind a
 * proxy that sets x-forwarded-for itself.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded;
  return headers.get("x-real-ip")?.trim() || "unknown";
}

export function clientHash(headers: Headers): string {
  return createHmac("sha256", getSecretKey("client-hash"))
    .update(clientAddress(headers))
    .digest("hex");
}
