/*
 * Next.js calls register() once per server start. Node-only work is imported
 * dynamically so the edge runtime never tries to bundle SQLite or nodemailer.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundJobs } = await import("./lib/background-jobs");
    await startBackgroundJobs();
  }
}
