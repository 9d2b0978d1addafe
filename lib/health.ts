import "server-only";
import type { Kysely } from "kysely";
import { writeHealthCheck } from "@/lib/db/health-check";
import type { Database } from "@/lib/db/types";
import { errorLine, logEvent } from "@/lib/log";

const TIMEOUT_MS = 2_000;
/*
 * Start-up asks a different question (can this database be written at all?) while
 * the first sweep and a cold process compete for a busy CPU: a slow first write is
 * not a hung database there, so it gets longer before the server refuses to start.
 */
export const START_UP_TIMEOUT_MS = 15_000;
const REUSE_MS = 1_000;

/*
 * For uptime monitors and load balancers: does the database take a write?
 * Answering a read is not enough: with DATA_DIR turned read-only the check
 * said ok while every form and publish failed. The write goes to one row
 * (migration 008) and is committed, because a disk that refuses writes is
 * only met at commit. A hung database counts as down after 2 s. Probes
 * within a second share one write, so a flood of /healthz cannot queue
 * writes in front of the form's. The answer carries no data.
 */
const recent = new WeakMap<Promise<Kysely<Database>>, { at: number; result: Promise<boolean> }>();

/** Throws the database's own error when the write fails or takes over `timeoutMs` (2 s). */
export async function checkDatabaseWrite(
  db: Promise<Kysely<Database>>,
  timeoutMs = TIMEOUT_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.then((ready) => writeHealthCheck(ready, new Date())), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function databaseWritable(db: Promise<Kysely<Database>>): Promise<boolean> {
  try {
    await checkDatabaseWrite(db);
    return true;
  } catch (error) {
    logEvent("db.failed", { action: "health check write", error: errorLine(error) });
    return false;
  }
}

/** `db` is getDb()'s promise, the same object for as long as the database stays open. */
function checkShared(db: Promise<Kysely<Database>>): Promise<boolean> {
  const last = recent.get(db);
  if (last && Date.now() - last.at < REUSE_MS) return last.result;
  const result = databaseWritable(db);
  recent.set(db, { at: Date.now(), result });
  return result;
}

export async function healthResponse(db: Promise<Kysely<Database>>): Promise<Response> {
  const ok = await checkShared(db);
  return new Response(ok ? "ok" : "unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
