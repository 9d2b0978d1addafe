/*
 * Every event the server writes to its log, once: its name (what an operator
 * greps for), its level and the sentence that goes with it. A call site names
 * an event and adds fields; it never writes free text, so the log cannot drift
 * into a second vocabulary, and a personal value has no sentence to hide in.
 * No server-only marker: tests and the README's list read it as data.
 */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type EventSpec = { level: Exclude<LogLevel, "silent">; text: string };

export const LOG_EVENTS = {
  "startup.ready": { level: "info", text: "Start-up checks passed: serving requests" },
  "config.invalid": { level: "fatal", text: "Start-up stopped: the configuration cannot work" },
  "config.staff-password-unused": {
    level: "warn",
    text: 'STAFF_PASSWORD is set but no longer used: each person signs in with an account of their own. Create the owner with: npm run staff:invite -- you@example.com --role owner --name "Your Name" (then remove STAFF_PASSWORD).',
  },
  "mail.off": {
    level: "info",
    text: "Email is off: SMTP_URL is not set. Consultation requests are stored but the clinic is not emailed.",
  },
  "mail.retry": { level: "warn", text: "An email was not sent: it is tried again later" },
  "mail.acknowledged": {
    level: "info",
    text: "A visitor was emailed an acknowledgement of their request (the reference is logged, never the address)",
  },
  "mail.acknowledgements-withdrawn": {
    level: "info",
    text: "Acknowledgements still owed were not sent: the clinic turned them off in clinic details",
  },
  "mail.failed": {
    level: "error",
    text: "An email was not sent and is not tried again by itself (npm run notify sends the emails owed)",
  },
  "db.ready": { level: "info", text: "The database is up to date (npm run db:migrate)" },
  "db.failed": { level: "error", text: "A database operation failed" },
  "db.rollback-failed": { level: "error", text: "A database rollback failed after an error" },
  "db.connection-lost": { level: "error", text: "PostgreSQL connection lost" },
  "health.failed": {
    level: "error",
    text: "A health check answered unavailable: the database cannot be written",
  },
  "job.run": { level: "info", text: "A background job ran and changed something" },
  "job.idle": { level: "debug", text: "A background job ran with nothing to do" },
  "job.failed": { level: "error", text: "A background job failed" },
  "schedule.published": {
    level: "info",
    text: "A scheduled publish was made, under the person who scheduled it",
  },
  "schedule.page-changed": {
    level: "warn",
    text: "A scheduled publish was not made: the page changed after it was scheduled and the changes overlap (staff see why on the page)",
  },
  "schedule.checks-failed": {
    level: "warn",
    text: "A scheduled publish was not made: its text no longer passes the page checks (a source, image or page it names changed since; staff see why on the page)",
  },
  "schedule.address-taken": {
    level: "warn",
    text: "A scheduled new page was not published: a page was made at its address meanwhile (staff see why in the page list)",
  },
  "content.invalid": { level: "error", text: "Content has problems" },
  "content.fallback": {
    level: "warn",
    text: "A page cannot be shown as stored: its last good version is served",
  },
  "image.not-prepared": { level: "error", text: "An uploaded image could not be prepared" },
  "image.upload": { level: "info", text: "An image upload was answered" },
  "consultation.stored": { level: "info", text: "A consultation request was stored" },
  "consultation.refused": {
    level: "info",
    text: "A consultation request was answered with a problem to fix or a wait",
  },
  "consultation.failed": { level: "error", text: "A consultation request could not be stored" },
  "staff.signin.ok": { level: "info", text: "A staff password sign-in succeeded" },
  "staff.signin.refused": { level: "warn", text: "A staff password sign-in was refused" },
  "staff.signin.locked-all": {
    level: "warn",
    text: "Staff sign-in locked for everyone: too many wrong passwords from all clients",
  },
  "staff.action": { level: "info", text: "A staff action was answered" },
  "staff.action.routine": {
    level: "debug",
    text: "A staff action the editor makes by itself (autosave, live preview) was answered",
  },
  "staff.presence.failed": {
    level: "warn",
    text: "Who else has a page open could not be read or recorded: the editor opened without it",
  },
  "export.csv": { level: "info", text: "A CSV export was answered" },
  "audit.failed": { level: "error", text: "An audit log entry was not written" },
  "request.error": { level: "error", text: "A request failed with an unhandled error" },
} as const satisfies Record<string, EventSpec>;

export type LogEvent = keyof typeof LOG_EVENTS;
