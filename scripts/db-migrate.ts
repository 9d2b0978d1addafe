import { closeDb, getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorLine, logEvent, since } from "@/lib/log";

/*
 * `npm run db:migrate`: brings the database named by DATABASE_URL or DATA_DIR
 * up to date. It runs before the server in its service unit (ExecStartPre),
 * whose journal reads as JSON lines, so it writes the server's events rather
 * than sentences of its own.
 */
async function main(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    // The message names the variable and the rule, never its value (lib/env.ts).
    logEvent("config.invalid", { error: (error as Error).message });
    process.exitCode = 1;
    return;
  }
  const start = performance.now();
  await getDb();
  logEvent("db.ready", {
    durationMs: since(start),
    settings: { database: env.DATABASE_URL ? "postgresql" : `sqlite in ${env.DATA_DIR}` },
  });
}

main()
  .catch((error: unknown) => {
    logEvent("db.failed", { action: "db:migrate", error: errorLine(error) });
    process.exitCode = 1;
  })
  .finally(() => closeDb());
