import "server-only";
import { headers } from "next/headers";
import { logEvent, since, type LogFields } from "@/lib/log";
import type { LogEvent } from "@/lib/log-events";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request-id";

/*
 * The request's side of the log: its id (set by proxy.ts, or made here for a
 * request the proxy does not see) and how long it took, added to the one
 * event a server action or a route writes about what it did.
 */
export type RequestLog = (event: LogEvent, fields?: LogFields) => void;

/** For a server action: call at its start, then once with the event that ends it. */
export async function requestLog(): Promise<RequestLog> {
  const start = performance.now();
  const requestId = requestIdFrom(await requestHeaders());
  return (event, fields = {}) =>
    logEvent(event, { requestId, durationMs: since(start), ...fields });
}

// Outside a request (a command, a test calling an action) there is no id to carry on.
async function requestHeaders(): Promise<Headers> {
  try {
    return await headers();
  } catch {
    return new Headers();
  }
}

/**
 * A route handler that logs `event` with its status, and answers with the
 * X-Request-Id it was logged under. `failuresOnly`: a route polled by
 * monitors (/healthz) logs only the answers that are not ok.
 */
export function loggedRoute<Args extends [Request?, ...unknown[]]>(
  event: LogEvent,
  handler: (...args: Args) => Promise<Response>,
  options: { failuresOnly?: boolean } = {},
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    const start = performance.now();
    const request = args[0];
    const requestId = requestIdFrom(request?.headers ?? new Headers());
    const response = await handler(...args);
    if (!options.failuresOnly || response.status >= 500) {
      logEvent(event, {
        requestId,
        durationMs: since(start),
        status: response.status,
        method: request?.method,
        path: request && new URL(request.url).pathname,
      });
    }
    return withRequestId(response, requestId);
  };
}

function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Response.redirect() and friends have immutable headers: the same answer, copied.
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
