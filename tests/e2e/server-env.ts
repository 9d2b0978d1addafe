/*
 * The environment of the production server the journeys run against. Shared by
 * playwright.config.ts and by tests that open the same database to count rows.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: WebAuthn refuses an IP address as a passkey's relying party (two-step.spec.ts).
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

export const e2eServerEnv = {
  NODE_ENV: "production",
  SITE_URL: E2E_BASE_URL,
  DATA_DIR: process.env.E2E_DATA_DIR ?? ".e2e-data",
  // Journeys fill forms faster than a person; one second still exercises the timing check.
  CONSULTATION_MIN_FILL_SECONDS: "1",
  CONSULTATION_RATE_LIMIT: "1000/1",
  CONSULTATION_GLOBAL_LIMIT: "1000/1",
  // As behind one reverse proxy, so each describe can be its own client through
  // X-Forwarded-For. With the default (0) that header is ignored: operations.spec.ts.
  TRUSTED_PROXIES: "1",
  // Scheduled publishes are looked for every 2 s, not 20: a-scheduled-publish.spec.ts waits less.
  SCHEDULE_CHECK_SECONDS: "2",
  DATABASE_URL: "",
  SMTP_URL: "",
} satisfies Record<string, string>;
