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
  try {
    await startUp();
  } catch (error) {
    console.error(`Start-up stopped. ${(error as Error).message}`);
    process.exit(1);
  }
}
