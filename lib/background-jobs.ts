import "server-only";
import { prepareStoredOriginals } from "@/lib/content/images/stored-originals";
import { startScheduledPublishes } from "@/lib/content/scheduled/schedule-timer";
import { startContentWatch } from "@/lib/content/site/content-watch";
import { getDb } from "@/lib/db/client";
import { pruneAudit } from "@/lib/db/audit-log";
import { pruneInsights } from "@/lib/db/insights";
import { prunePresence } from "@/lib/db/page-presence";
import { pruneRateEvents } from "@/lib/db/rate-events";
import { deleteExpiredRequests } from "@/lib/db/retention";
import { pruneReviewLinks } from "@/lib/db/review-links";
import { pruneStaffSessions } from "@/lib/db/staff-sessions";
import { getEnv } from "@/lib/env";
import { flushInsights } from "@/lib/insights/flush";
import { logEvent, timedJob } from "@/lib/log";
import { kickNotifications } from "@/lib/mail/notification-runner";

/*
 * Work that runs beside requests: migrations at start-up, email retries,
 * page counts kept in memory (lib/insights/), pruning, deleting requests past RETENTION_DAYS and audit entries past
 * AUDIT_RETENTION_YEARS, the watch for content published on another server, and
 * scheduled publishes (lib/content/scheduled/). The interval is unref'd so it never keeps a process alive.
 * Several servers on one PostgreSQL database each run all of it, and no step
 * is done twice: a deletion finds nothing left that another server deleted,
 * and an email goes out only from the server whose row update claimed it
 * (claimNotification, lib/db/notifications.ts). So there is no job lease to
 * hold or hand over when a server stops.
 */
const SWEEP_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;
// Page counts are read 90 days back at most; a little over a year allows a look at the same season.
const INSIGHT_DAYS_KEPT = 400;
const started = Symbol.for("clinic-site.background-jobs");

export async function startBackgroundJobs(): Promise<void> {
  const holder = globalThis as { [started]?: boolean };
  if (holder[started]) return;
  holder[started] = true;

  const db = await getDb();
  startContentWatch(db);
  // Its own, shorter timer: a scheduled publish is due within a minute of its time.
  startScheduledPublishes(db);
  // Uploads kept as uploaded by an older version: prepared beside requests, not before them.
  void timedJob("prepare older uploads", async () => ({
    prepared: await prepareStoredOriginals(db),
  }));
  if (getEnv().STAFF_PASSWORD) logEvent("config.staff-password-unused");
  if (!getEnv().SMTP_URL) logEvent("mail.off");
  const timer = setInterval(() => void runJobs(), SWEEP_INTERVAL_MS);
  timer.unref();
  flushCountsOnStop();
  void runJobs();
}

/*
 * The page counts of the last minute are in memory only: when the server is
 * told to stop, they are written first. Next.js's own handler closes the
 * server and then calls process.exit, which would not wait for a write in
 * flight; so from the signal on, an exit waits for the flush, at most
 * FLUSH_AT_STOP_MS, and then happens with the code it was given. Where
 * nothing else handles the signal, a listener here would keep the process
 * from stopping at all, so none is added.
 */
const FLUSH_AT_STOP_MS = 3_000;

function flushCountsOnStop(): void {
  let flushing: Promise<unknown> | undefined;
  const flushOnce = () => {
    if (flushing) return;
    flushing = timedJob("page counts at stop", async () => flushInsights(await getDb()));
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
      const limit = new Promise((resolve) => setTimeout(resolve, FLUSH_AT_STOP_MS).unref());
      void Promise.race([flushing, limit]).finally(() => exit(code));
    }) as typeof process.exit;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, flushOnce);
  }
}

async function runJobs(): Promise<void> {
  kickNotifications();
  await timedJob("page counts", async () => flushInsights(await getDb()));
  await timedJob("pruning", async () => {
    const db = await getDb();
    const window = getEnv().CONSULTATION_RATE_LIMIT.minutes * 60_000;
    // Staff sign-in lockouts share the table; a day covers both windows.
    const rateEvents = await pruneRateEvents(db, new Date(Date.now() - Math.max(window, DAY_MS)));
    const requests = await deleteExpiredRequests(db, new Date(), getEnv().RETENTION_DAYS);
    // Its own, longer period: deleting requests never deletes the entries about them.
    const auditEntries = await pruneAudit(db, new Date(), getEnv().AUDIT_RETENTION_YEARS);
    // A sign-in row is kept a day past its end: enough to answer "why was I signed out".
    const sessions = await pruneStaffSessions(db, new Date(Date.now() - DAY_MS));
    const insightDays = await pruneInsights(
      db,
      new Date(Date.now() - INSIGHT_DAYS_KEPT * DAY_MS).toISOString().slice(0, 10),
    );
    // Review links and presence alike: a day past their end, like sign-ins.
    const reviewLinks = await pruneReviewLinks(db, new Date(Date.now() - DAY_MS));
    const presence = await prunePresence(db, new Date(Date.now() - DAY_MS));
    return { rateEvents, requests, auditEntries, sessions, insightDays, reviewLinks, presence };
  });
}
