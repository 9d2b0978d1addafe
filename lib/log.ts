import "server-only";
import pino, { type Logger } from "pino";
import { describeDbError } from "@/lib/db/write-transaction";
import { getEnv } from "@/lib/env";
import { LOG_EVENTS, type LogEvent, type LogLevel } from "@/lib/log-events";

/*
 * One JSON line per event on stdout, for journald or `docker logs` to keep:
 * time, level, event (from lib/log-events.ts), its sentence, and the fields
 * below. Written synchronously by the main thread (stdout is synchronous for
 * files and pipes on Linux), never through pino's worker-thread transports:
 * a line is out before the process can exit, and nothing more runs.
 *
 * Personal data never reaches here: the fields are a fixed list of counts,
 * ids and outcomes, and the redaction below is only a second line of defence
 * for a key someone adds by mistake.
 */
export type LogFields = {
  requestId?: string;
  durationMs?: number;
  status?: number;
  outcome?: string;
  /** What was being done, in the code's words ("page draft saved"), never a value typed. */
  action?: string;
  job?: string;
  counts?: Record<string, number>;
  /** A path or a public identifier: a page's slug, a request's reference, a file in content/. */
  subject?: string;
  method?: string;
  path?: string;
  digest?: string;
  error?: string;
  settings?: Record<string, string | number | boolean>;
};

// Keys that would hold personal data or secrets, at the top level and one level down.
const PERSONAL_KEYS = [
  "name",
  "email",
  "phone",
  "message",
  "symptoms",
  "note",
  "password",
  "token",
  "sessionId",
  "cookie",
  "headers",
  "ip",
  "clientAddress",
  "forwardedFor",
];
export const REDACTED_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

export function createLogger(level: LogLevel, destination: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}

let logger: Logger | undefined;

function current(): Logger {
  if (!logger) {
    let level: LogLevel = "info";
    // An invalid environment is itself logged (config.invalid): at the default level then.
    try {
      level = getEnv().LOG_LEVEL;
    } catch {}
    logger = createLogger(level, process.stdout);
  }
  return logger;
}

export function logEvent(event: LogEvent, fields: LogFields = {}): void {
  const { level, text } = LOG_EVENTS[event];
  current()[level]({ event, ...fields }, text);
}

/** For tests that change LOG_LEVEL: the next event builds the logger again. */
export function resetLogger(): void {
  logger = undefined;
}

/** Milliseconds since `start` (from performance.now()), to a tenth. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/**
 * Runs one job and logs it: which, how long, and its counts (job.run when it
 * changed something, job.idle at debug level when not, so a quiet site's log
 * is not a line a minute). Never throws: the next run tries again.
 */
export async function timedJob(
  job: string,
  work: () => Promise<Record<string, number>>,
): Promise<void> {
  const start = performance.now();
  try {
    const counts = await work();
    const busy = Object.values(counts).some((count) => count > 0);
    logEvent(busy ? "job.run" : "job.idle", { job, durationMs: since(start), counts });
  } catch (error) {
    logEvent("job.failed", { job, durationMs: since(start), error: errorLine(error) });
  }
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/g;

/**
 * An error as one line: its code and message. A mail server's refusal may
 * quote the recipient, so anything shaped like an address is taken out.
 */
export function errorLine(error: unknown): string {
  return describeDbError(error).replace(EMAIL, "[address]");
}
