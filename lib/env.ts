import "server-only";
import { z } from "zod";
import { LOG_LEVELS } from "@/lib/log-events";

/**
 * Every environment variable the site reads, parsed once. Nothing else in the
 * code base touches `process.env` for configuration, so a typo or a bad value
 * fails here with the variable's name instead of deep inside a request.
 */
const rateLimit = z
  .string()
  .regex(/^\d+\/\d+$/, "must look like count/minutes, for example 5/10")
  .transform((value) => {
    const [count, minutes] = value.split("/").map(Number) as [number, number];
    return { count, minutes };
  })
  .refine((v) => v.count > 0 && v.minutes > 0, "count and minutes must be above zero");

function isUsableSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== "" && (url.port === "" || Number(url.port) > 0);
  } catch {
    return false;
  }
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SITE_URL: z.url().default("http://localhost:3000"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
      .optional(),
  ),
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .refine(isUsableSmtpUrl, "must be a URL with a host, like smtp://user:password@host:587")
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default("Clinic website <website@localhost>"),
  MAIL_TO: optionalString,
  APP_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  CONSULTATION_MIN_FILL_SECONDS: z.coerce.number().min(0).max(600).default(3),
  CONSULTATION_RATE_LIMIT: rateLimit.default({ count: 5, minutes: 10 }),
  // All clients together: beyond this, posts are stored as spam (whatever address they claim).
  CONSULTATION_GLOBAL_LIMIT: rateLimit.default({ count: 60, minutes: 10 }),
  // Reverse proxies in front of the server; 0 means forwarded headers are the client's own words.
  TRUSTED_PROXIES: optionalString
    .pipe(
      z
        .string()
        .regex(/^\d{1,2}$/, "must be a whole number of proxies, 0 when none")
        .optional(),
    )
    .transform((v) => Number(v ?? 0)),
  BACKUP_KEEP: optionalString
    .pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,3}$/, "must be a whole number of backups, at least 1")
        .optional(),
    )
    .transform((v) => Number(v ?? 14)),
  // The public key backups are encrypted to (lib/db/backup-age.ts); its checksum is checked there.
  BACKUP_AGE_RECIPIENT: optionalString.pipe(
    z
      .string()
      .regex(
        /^age1(pq1)?[02-9ac-hj-np-z]{58,}$/,
        "must be an age public key (age1 and 58 more lowercase letters and digits), as printed by npm run backup:keygen",
      )
      .optional(),
  ),
  // No longer opens anything (personal accounts replaced it): read only to say so at start-up.
  STAFF_PASSWORD: optionalString,
  // Minutes without a staff request before a session ends; fractions are for tests.
  STAFF_IDLE_MINUTES: z.coerce
    .number("must be a number of minutes")
    .positive("must be above 0")
    .max(480, "must be at most 480 (the 8-hour limit)")
    .default(30),
  // How often each server looks for due scheduled publishes; shorter only for tests.
  SCHEDULE_CHECK_SECONDS: z.coerce
    .number("must be a number of seconds")
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(60, "must be at most 60, so a publish happens within a minute of its time")
    .default(20),
  // How often an open page editor says it is still open (components/staff/presence/); short for tests.
  PRESENCE_HEARTBEAT_SECONDS: z.coerce
    .number("must be a number of seconds")
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(30, "must be at most 30, so an open editor is never taken for gone (after 60 seconds)")
    .default(20),
  RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  // The audit log is kept this long (HIPAA 164.316(b)(2): six years), whatever RETENTION_DAYS says.
  AUDIT_RETENTION_YEARS: z.coerce
    .number()
    .int("must be a whole number of years")
    .min(1, "must be at least 1")
    .default(6),
  // How much the server writes to stdout (lib/log.ts): info holds every event an operator needs.
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    // Name the variable and the rule; never echo the value, which may be a secret.
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
