import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "./types";
import { errorLine, logEvent } from "@/lib/log";

/*
 * Every write that reads first (a count before an insert, a status before its
 * change) runs here, so that the read and the write are one step:
 *
 * - SQLite: BEGIN IMMEDIATE takes the write lock before the first read. A
 *   plain BEGIN reads under a shared lock and then has to upgrade it; when a
 *   second server on the same file wrote meanwhile, SQLite answers SQLITE_BUSY
 *   at once instead of waiting out busy_timeout.
 * - PostgreSQL: an advisory lock named by `lock` makes concurrent transactions
 *   that count the same thing take turns (READ COMMITTED alone lets thirty of
 *   them all count four and all insert).
 *
 * A failed ROLLBACK is logged beside the first error and the first error is
 * what the caller sees: it names the real cause.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
  options: { lock?: string } = {},
): Promise<T> {
  // Not `instanceof SqliteAdapter`: Next.js may bundle Kysely twice (instrumentation and
  // app), and the shared database handle comes from either copy. Of our two dialects
  // only PostgreSQL runs DDL in transactions.
  const sqlite = !db.getExecutor().adapter.supportsTransactionalDdl;
  return db.connection().execute(async (conn) => {
    await sql.raw(sqlite ? "begin immediate" : "begin").execute(conn);
    try {
      if (!sqlite && options.lock) {
        await sql`select pg_advisory_xact_lock(hashtext(${options.lock}))`.execute(conn);
      }
      const result = await work(conn);
      await sql.raw("commit").execute(conn);
      return result;
    } catch (error) {
      try {
        await sql.raw("rollback").execute(conn);
      } catch (rollbackError) {
        logEvent("db.rollback-failed", {
          error: `${errorLine(rollbackError)} after: ${errorLine(error)}`,
        });
      }
      throw error;
    }
  });
}

/** One line naming a database failure: its code and message, never the rows or the client object. */
export function describeDbError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? `${code}: ${error.message}` : error.message;
}
