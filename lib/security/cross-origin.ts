/*
 * A post from another site (a forged form, a script elsewhere, a sandboxed
 * frame sending `Origin: null`) is refused before it reaches a server action
 * or the image upload. Next.js refuses a cross-origin action as well, but
 * with a bare 500 and a stack trace in the log, and the upload route failed
 * on `Origin: null` the same way. The rule is Next.js's own, so nothing it
 * would run is refused here: the Origin's host must equal the host the
 * request was sent to (X-Forwarded-Host behind a proxy, else Host). A request
 * without an Origin is not from a browser posting across sites, so it is left
 * to the route (the staff session cookie is SameSite=Strict).
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_MESSAGE =
  "Refused: this form was sent from another site. Open the page on this site and send it from there.\n";

function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host") || undefined;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

export function isCrossOriginPost(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = requestHost(headers);
  return !host || originHost(origin) !== host;
}

export function crossOriginRefusal(): Response {
  return new Response(CROSS_ORIGIN_MESSAGE, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
