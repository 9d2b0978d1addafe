import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeTransaction } from "@/lib/db/write-transaction";
import { postgresTestDb, type TestDb } from "../db/test-databases";

describe("a database failing mid-transaction on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await postgresTestDb();
  });
  afterAll(() => t.dispose());

  it("reports the real cause, not the ROLLBACK that failed after it", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The server drops the connection mid-transaction, as a restarting PostgreSQL does.
    const failing = writeTransaction(t.db, async (trx) => {
      await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx);
      return "unreachable";
    });
    await expect(failing).rejects.toThrow(/terminating connection/);
    const logged = error.mock.calls.map((call) => call.join(" ")).join("\n");
    expect(logged).toMatch(/rollback failed .* after: .*terminating connection/i);
    // The dropped connection is one line naming the cause, never the client object.
    expect(logged).toMatch(/^PostgreSQL connection lost: Connection terminated unexpectedly$/m);
    expect(logged).not.toMatch(/Client|_events|connectionParameters/);
    error.mockRestore();
    // The pool recovers: the next transaction works.
    await expect(writeTransaction(t.db, async () => "fine")).resolves.toBe("fine");
  });
});
