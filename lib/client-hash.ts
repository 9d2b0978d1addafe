import "server-only";
import { createHmac } from "node:crypto";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { getSecretKey } from "@/lib/secrets";

/*
 * Rate limits need to recognise a returning client, but an IP address is
 * personal data: only a keyed hash is kept, which cannot be reversed without
 * the secret. Which address counts is decided by TRUSTED_PROXIES (see
 * lib/client-address.ts).
 */
export function clientHash(headers: Headers): string {
  return createHmac("sha256", getSecretKey("client-hash"))
    .update(clientAddress(headers, getEnv().TRUSTED_PROXIES))
    .digest("hex");
}
