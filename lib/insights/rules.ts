/*
 * Which page requests are counted, and what is kept of them: the rules the
 * privacy notice (content/privacy.mdx) promises, in one place. No imports,
 * so proxy.ts and the unit tests use them as they are.
 */

// Crawlers, monitors and scripted browsers name themselves; a missing user agent is never a person's browser.
const BOT_AGENT =
  /bot|crawl|spider|slurp|curl|wget|headless|python|java\/|go-http|httpclient|lighthouse|^node/i;

/**
 * How a view reached the server: a page `document` loaded by the browser, or
 * a `navigation` inside the site that the framework made without loading a
 * document, reported by the view beacon (lib/insights/beacon.ts).
 */
export type ViewSource = "document" | "navigation";

/** Why a request is not counted, or null when it is a view by a person who did not opt out. */
export function notCounted(headers: Headers, source: ViewSource = "document"): string | null {
  // Global Privacy Control and Do Not Track: a stated wish, honoured by not counting at all.
  if (headers.get("sec-gpc")?.trim() === "1") return "gpc";
  if (headers.get("dnt")?.trim() === "1") return "dnt";
  const agent = headers.get("user-agent") ?? "";
  if (agent === "" || BOT_AGENT.test(agent)) return "bot";
  // The beacon is sent by the site's own page: a browser says so of every fetch it makes.
  if (source === "navigation")
    return headers.get("sec-fetch-site") === "same-origin" ? null : "not-from-the-site";
  // Only a page opened in the browser: the framework's own fetches (prefetches, data for a
  // page) say "empty", and Next.js hides its prefetch headers and `_rsc` from proxy.ts.
  const dest = headers.get("sec-fetch-dest");
  if (dest !== null && dest !== "document") return "not-a-page-load";
  // A prefetch is the browser guessing, not a person reading.
  if (headers.has("next-router-prefetch") || headers.has("next-router-segment-prefetch"))
    return "prefetch";
  if (
    /prefetch|prerender/i.test(
      `${headers.get("purpose") ?? ""} ${headers.get("sec-purpose") ?? ""}`,
    )
  )
    return "prefetch";
  return null;
}

/**
 * The referring site's host name, and only that: no path, query or port, and
 * nothing for a link from the site itself (`ownHost`) or a value that is not
 * an http(s) address.
 */
export function referrerHost(referer: string | null, ownHost: string | null): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  const own = ownHost?.toLowerCase().replace(/:\d+$/, "") ?? null;
  return host === own ? null : host.replace(/^www\./, "");
}

/**
 * A request path as a page key ("/" or "/slug"), or null for anything that is
 * not a page address (files, nested paths, the staff area). Whether the page
 * exists is checked when counts are stored, against the published pages.
 */
export function pageKey(pathname: string): string | null {
  if (pathname === "/") return "/";
  const match = /^\/([a-z0-9][a-z0-9-]{0,99})\/?$/.exec(pathname);
  if (!match?.[1] || match[1] === "staff") return null;
  return `/${match[1]}`;
}
