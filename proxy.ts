import { NextResponse, type NextRequest } from "next/server";
import csp from "./lib/security/csp.json";

/*
 * The dynamic routes are rendered per request, so they get a fresh nonce:
 * Next.js reads it from the request's Content-Security-Policy header and puts
 * it on every script it writes, and 'strict-dynamic' lets those scripts load
 * the chunks they need. Static pages never come here: their policy, with the
 * hashes of their own inline scripts, is stored with them in the page cache
 * (lib/security/csp-cache-handler.cjs), so they stay prerendered.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const script = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
  const policy = [...csp.directives, script].join("; ");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: ["/consultation", "/staff", "/staff/:path*"] };
