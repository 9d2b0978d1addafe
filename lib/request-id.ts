/*
 * One id per request, so an operator can find the lines of the request a
 * visitor or a member of staff reports (the X-Request-Id they were answered
 * with). A caller's id is kept only when it is a UUID, the form a proxy such
 * as Caddy makes ({http.request.uuid}): nothing else a client sends reaches
 * the log this way. No server-only marker: proxy.ts imports it.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER)?.trim() ?? "";
  return UUID.test(given) ? given.toLowerCase() : crypto.randomUUID();
}
