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

/*
 * A server action called from JavaScript (the `Next-Action` header) is answered
 * with data for React, not a document, so a policy has nothing to govern there;
 * skipping the proxy spares the post its cost (Next.js tees the body of every
 * request a proxy sees), about a third of the form's throughput. Browsers never
 * send the header on a navigation or a plain form post, so every page a visitor
 * sees still gets its nonce. Next.js reads this object as written, so the
 * condition is repeated rather than shared through a constant.
 */
export const config = {
  matcher: [
    { source: "/consultation", missing: [{ type: "header", key: "next-action" }] },
    { source: "/staff", missing: [{ type: "header", key: "next-action" }] },
    { source: "/staff/:path*", missing: [{ type: "header", key: "next-action" }] },
  ],
};
