import { sql, type Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { describeDbError } from "@/lib/db/write-transaction";

const TIMEOUT_MS = 2_000;

/*
 * For uptime monitors and load balancers: does the database answer? The
 * answer carries no data, and a hung database counts as down after 2 s rather
 * than keeping the monitor waiting.
 */
export async function databaseAnswers(db: Promise<Kysely<Database>>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([db.then((ready) => sql`select 1`.execute(ready)), timeout]);
    return true;
  } catch (error) {
    console.error(`Health check: the database does not answer: ${describeDbError(error)}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function healthResponse(db: Promise<Kysely<Database>>): Promise<Response> {
  const ok = await databaseAnswers(db);
  return new Response(ok ? "ok" : "unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
