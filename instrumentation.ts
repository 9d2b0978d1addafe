import type { Instrumentation } from "next";

/*
 * Next.js calls register() once per server start, before requests are handled.
 * Node-only work is imported dynamically so the edge runtime never tries to
 * bundle SQLite or nodemailer. A configuration that cannot work ends the
 * process here, naming the variable, rather than serving errors.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so no request is ever read without its socket address vouched for.
  const { installPeerAddressHook } = await import("./lib/client-address");
  installPeerAddressHook();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startUp } = await import("./lib/start-up");
  const { logEvent } = await import("./lib/log");
  try {
    await startUp();
  } catch (error) {
    // The message names the variable and the rule, never its value (lib/env.ts).
    logEvent("config.invalid", { error: (error as Error).message });
    process.exit(1);
  }
}

/*
 * Errors no code caught: the route (without its query string, which may
 * carry a search), the digest the visitor's error page shows, and the error's
 * own message. Never the request's body or headers.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorLine, logEvent } = await import("./lib/log");
  const { REQUEST_ID_HEADER, requestIdFrom } = await import("./lib/request-id");
  const given = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown }).digest;
  logEvent("request.error", {
    requestId: requestIdFrom(
      new Headers(typeof given === "string" ? { [REQUEST_ID_HEADER]: given } : {}),
    ),
    method: request.method,
    path: request.path.split("?")[0],
    subject: context.routePath,
    digest: typeof digest === "string" ? digest : undefined,
    error: errorLine(error),
  });
};
