import "server-only";
import { headers } from "next/headers";

/**
 * The nonce proxy.ts put in this request's Content-Security-Policy, for an
 * inline script of our own on a page rendered per request (Next.js reads the
 * same header for its scripts). Undefined on a request the proxy gave none.
 */
export async function requestNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
}
