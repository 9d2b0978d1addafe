import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLog } from "../log-capture";
import { writeTransaction } from "@/lib/db/write-transaction";
import { postgresTestDb, type TestDb } from "../db/test-databases";

describe("a database failing mid-transaction on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await postgresTestDb();
  });
  afterAll(() => t.dispose());

  it("reports the real cause, not the ROLLBACK that failed after it", async () => {
    const log = captureLog();
    // The server drops the connection mid-transaction, as a restarting PostgreSQL does.
    const failing = writeTransaction(t.db, async (trx) => {
      await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx);
      return "unreachable";
    });
    await expect(failing).rejects.toThrow(/terminating connection/);
    expect(log.events("db.rollback-failed")[0]?.error).toMatch(/ after: .*terminating connection/i);
    // The dropped connection is one line naming the cause, never the client object.
    expect(log.events("db.connection-lost")[0]?.error).toBe("Connection terminated unexpectedly");
    expect(log.text()).not.toMatch(/Client|_events|connectionParameters/);
    log.restore();
    // The pool recovers: the next transaction works.
    await expect(writeTransaction(t.db, async () => "fine")).resolves.toBe("fine");
  });
});
