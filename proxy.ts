import { NextResponse, type NextRequest } from "next/server";
import { crossOriginRefusal, isCrossOriginPost } from "./lib/security/cross-origin";
import { recordView } from "./lib/insights/tally";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/request-id";
import csp from "./lib/security/csp.json";

// The documents rendered per request; everything else that comes here is only checked for its origin.
const NONCE_PATHS = /^\/(consultation|staff(\/.*)?|review\/[^/]+)$/;

/*
 * The dynamic routes are rendered per request, so they get a fresh nonce:
 * Next.js reads it from the request's Content-Security-Policy header and puts
 * it on every script it writes, and 'strict-dynamic' lets those scripts load
 * the chunks they need. Static pages get no nonce: their policy, with the
 * hashes of their own inline scripts, is stored with them in the page cache
 * (lib/security/csp-cache-handler.cjs), so they stay prerendered, and they
 * come here only to be counted, or when a request may be from another site
 * (see the matcher).
 */
export function proxy(request: NextRequest): Response {
  const requestId = requestIdFrom(request.headers);
  if (isCrossOriginPost(request.method, request.headers)) {
    return withRequestId(crossOriginRefusal(), requestId);
  }
  // A page view, added up in memory (lib/insights/tally.ts): no database write, no cookie.
  if (request.method === "GET") recordView(request.nextUrl, request.headers);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  if (!NONCE_PATHS.test(request.nextUrl.pathname) || request.headers.has("next-action"))
    return withRequestId(NextResponse.next({ request: { headers } }), requestId);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const script = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;
  const policy = [...csp.directives, script].join("; ");
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return withRequestId(response, requestId);
}

/*
 * The request's id goes on to the page, action or route (which log with it)
 * and back to the browser, so a person reporting a problem can quote it.
 * Requests the proxy does not see (static pages, JavaScript posts of server
 * actions, see below) get theirs where they are logged (lib/request-log.ts).
 */
function withRequestId(response: Response, requestId: string): Response {
  response.headers.set("X-Request-Id", requestId);
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
 *
 * The page addresses ("/" and "/slug") come here to be counted
 * (lib/insights/): the page stays prerendered and is served from the page
 * cache as before; the proxy only adds one to a counter in memory, written to
 * the database once a minute by the background jobs, so a view costs no
 * database write. A count in the browser (a beacon) would need a script on
 * pages that ship none of their own, and would miss visitors without
 * JavaScript. Files (with a dot) and the staff area do not match.
 *
 * The last entry brings every request that may come from another site here
 * to have its origin checked (lib/security/cross-origin.ts): one that carries
 * an Origin the browser did not mark same-origin (Sec-Fetch-Site), on any
 * path, since a server action can be posted to any page. The site's own
 * JavaScript posts stay off the proxy.
 */
export const config = {
  matcher: [
    { source: "/consultation", missing: [{ type: "header", key: "next-action" }] },
    { source: "/staff", missing: [{ type: "header", key: "next-action" }] },
    { source: "/staff/:path*", missing: [{ type: "header", key: "next-action" }] },
    // A draft shared for review: rendered per request, so it needs its nonce; never counted.
    { source: "/review/:token", missing: [{ type: "header", key: "next-action" }] },
    { source: "/", missing: [{ type: "header", key: "next-action" }] },
    { source: "/:slug([a-z0-9][a-z0-9-]*)", missing: [{ type: "header", key: "next-action" }] },
    // For its X-Request-Id: a failing probe is logged with it.
    { source: "/healthz" },
    {
      source: "/:path*",
      has: [{ type: "header", key: "origin" }],
      missing: [{ type: "header", key: "sec-fetch-site", value: "same-origin" }],
    },
  ],
};
