import "server-only";
import { createHmac } from "node:crypto";
import { getSecretKey } from "@/lib/secrets";

/*
 * Rate limits need to recognise a returning client, but an IP address is
 * personal data: only a keyed hash is kept, which cannot be reversed without
 * the secret. The address is the last x-forwarded-for entry: the one appended
 * by the reverse proxy in front of the site (or by Next.js from the socket when
 * the header is absent). Earlier entries come from the client and can be forged.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  if (forwarded) return forwarded;
  return headers.get("x-real-ip")?.trim() || "unknown";
}

export function clientHash(headers: Headers): string {
  return createHmac("sha256", getSecretKey("client-hash"))
    .update(clientAddress(headers))
    .digest("hex");
}
