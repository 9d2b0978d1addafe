import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_FILE } from "@/lib/db/client";
import { addRequestNote, deleteRequest, updateRequestStatus } from "@/lib/db/staff-requests";
import { insertRequest } from "../../shared/insert-request";
import { sqliteTestDb } from "../db/test-databases";

/*
 * A second server on the same SQLite file, as `bench:form --instances 2` runs
 * it: a worker thread with its own connection committing form posts (rate
 * events) as fast as it can while staff change, annotate and delete requests.
 * Its own thread, because better-sqlite3 waits for a lock synchronously.
 */
const otherServer = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const insert = db.prepare("insert into rate_events (bucket, client_hash, created_at) values ('consultation', 'other', ?)");
let stop = false;
parentPort.on("message", () => { stop = true; });
(function loop() {
  for (let i = 0; i < 20; i++) insert.run(new Date().toISOString());
  if (stop) { db.close(); parentPort.postMessage("done"); } else setImmediate(loop);
})();
`;

describe("two servers on one SQLite file", () => {
  let t: Awaited<ReturnType<typeof sqliteTestDb>>;
  beforeAll(async () => {
    t = await sqliteTestDb();
  });
  afterAll(() => t.dispose());

  it("staff status changes, notes and deletions never fail with SQLITE_BUSY", async () => {
    const references = [];
    for (let i = 0; i < 60; i += 1) references.push(await insertRequest(t.db));
    const worker = new Worker(otherServer, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve("better-sqlite3"),
        file: path.join(t.dataDir, SQLITE_FILE),
      },
    });
    const failures: string[] = [];
    const attempt = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        failures.push((error as Error).message);
      }
    };
    const now = new Date();
    for (const [i, reference] of references.entries()) {
      await Promise.all([
        attempt(updateRequestStatus(t.db, reference, i % 2 ? "contacted" : "booked", now)),
        attempt(addRequestNote(t.db, reference, `Called back (${i})`, now)),
      ]);
      if (i % 3 === 0) await attempt(deleteRequest(t.db, reference));
    }
    worker.postMessage("stop");
    await new Promise((resolve) => worker.once("message", resolve));
    await worker.terminate();
    expect(failures).toEqual([]);
    const events = await t.db.selectFrom("request_events").select("kind").execute();
    // Two events for each of the 40 requests not deleted.
    expect(events).toHaveLength(80);
  });
});
