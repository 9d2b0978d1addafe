import "server-only";
import { startBackgroundJobs } from "@/lib/background-jobs";
import { getDb } from "@/lib/db/client";
import { checkDataDirWritable } from "@/lib/db/data-dir";
import { describeDbError } from "@/lib/db/write-transaction";
import { getEnv } from "@/lib/env";
import { START_UP_TIMEOUT_MS, checkDatabaseWrite } from "@/lib/health";
import { logEvent } from "@/lib/log";
import { getSecretKey } from "@/lib/secrets";

/**
 * Everything a configuration needs to work, checked before the first request:
 * a setting that cannot work names its variable here, instead of surfacing as
 * a 500 on some later request. Throws; instrumentation.ts turns that into a
 * non-zero exit.
 */
export async function checkConfiguration(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL && env.NODE_ENV === "production" && !env.APP_SECRET) {
    throw new Error(
      "APP_SECRET must be set (32+ characters) when DATABASE_URL is used in production: every server must sign and hash with the same secret",
    );
  }
  if (!env.DATABASE_URL || !env.APP_SECRET) checkDataDirWritable(env.DATA_DIR);
  getSecretKey("form-token");
}

export async function startUp(): Promise<void> {
  await checkConfiguration();
  const variable = getEnv().DATABASE_URL ? "DATABASE_URL" : "DATA_DIR";
  try {
    await startBackgroundJobs();
  } catch (error) {
    throw new Error(`${variable}: the database could not be opened: ${(error as Error).message}`);
  }
  // A database file that is read-only, or a read-only PostgreSQL, opens and reads fine.
  try {
    await checkDatabaseWrite(getDb(), START_UP_TIMEOUT_MS);
  } catch (error) {
    throw new Error(`${variable}: the database cannot be written: ${describeDbError(error)}`);
  }
  logEvent("startup.ready", { settings: settingsSummary() });
}

/** What an operator checks first when something behaves oddly: the settings in force, no secret. */
function settingsSummary(): Record<string, string | number | boolean> {
  const env = getEnv();
  return {
    node: process.versions.node,
    siteUrl: env.SITE_URL,
    database: env.DATABASE_URL ? "postgresql" : `sqlite in ${env.DATA_DIR}`,
    mail: env.SMTP_URL ? "on" : "off",
    trustedProxies: env.TRUSTED_PROXIES,
    retentionDays: env.RETENTION_DAYS,
    auditRetentionYears: env.AUDIT_RETENTION_YEARS,
    staffIdleMinutes: env.STAFF_IDLE_MINUTES,
    logLevel: env.LOG_LEVEL,
  };
}
