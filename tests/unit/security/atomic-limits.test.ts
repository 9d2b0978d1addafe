import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { captureLog } from "../log-capture";
import { submitConsultation } from "@/lib/consultation/submit";
import { createDb } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { attemptSignIn, GLOBAL_LOCKOUT_FAILURES, LOCKOUT_MINUTES } from "@/lib/staff/lockout";
import { countRows, SUBMITTED_AT, testDeps, toFormData, validForm } from "../consultation/fixtures";
import { DATABASES, type TestDb } from "../db/test-databases";

/*
 * For PostgreSQL a second pool stands for a second server instance. SQLite's
 * driver is synchronous, so two connections in one process would block each
 * other's event loop: there the second server is another process (see
 * sqlite-busy.test.ts) and these tests share one handle.
 */
function secondHandle(t: TestDb): Kysely<Database> {
  return "url" in t ? createDb({ databaseUrl: t.url as string, dataDir: "" }) : t.db;
}

async function statuses(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom("consultation_requests").select("status").execute();
  return rows.map((r) => r.status);
}

describe.each(DATABASES)("limits hold under concurrency on $name", ({ open }) => {
  let t: TestDb;
  let other: Kysely<Database>;
  beforeAll(async () => {
    t = await open();
    other = secondHandle(t);
  });
  afterAll(async () => {
    if (other !== t.db) await other.destroy();
    await t.dispose();
  });
  afterEach(async () => {
    await t.db.deleteFrom("consultation_requests").execute();
    await t.db.deleteFrom("rate_events").execute();
    vi.restoreAllMocks();
  });

  it("30 parallel posts from one client store exactly the 5 the limit allows", async () => {
    const limit = { count: 5, minutes: 10 };
    const states = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submitConsultation(
          toFormData(validForm({ fullName: `Visitor ${i}` })),
          testDeps(i % 2 ? other : t.db, { clientHash: "one-client", rateLimit: limit }),
        ),
      ),
    );
    expect(states.filter((s) => s.status === "received")).toHaveLength(5);
    expect(states.filter((s) => s.status === "rate-limited")).toHaveLength(25);
    expect(await countRows(t.db)).toBe(5);
  });

  it("over the global ceiling, posts from many addresses are stored as spam and answered normally", async () => {
    const global = { count: 10, minutes: 10 };
    const states = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        submitConsultation(
          toFormData(validForm({ fullName: `Visitor ${i}` })),
          testDeps(i % 2 ? other : t.db, {
            clientHash: `address-${i}`,
            rateLimit: { count: 5, minutes: 10 },
            globalLimit: global,
          }),
        ),
      ),
    );
    expect(states.every((s) => s.status === "received")).toBe(true);
    const stored = await statuses(t.db);
    expect(stored).toHaveLength(25);
    expect(stored.filter((s) => s === "new")).toHaveLength(10);
    expect(stored.filter((s) => s === "spam")).toHaveLength(15);
  });

  it("30 parallel wrong passwords from one client count as 5 guesses, the rest are refused unseen", async () => {
    let looked = 0;
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attemptSignIn(i % 2 ? other : t.db, "guesser", SUBMITTED_AT, () => {
          looked += 1;
          return false;
        }),
      ),
    );
    expect(looked).toBe(5);
    expect(verdicts.filter((v) => v === "wrong")).toHaveLength(4);
    expect(verdicts.filter((v) => v === "locked")).toHaveLength(26);
  });

  it(`more than ${GLOBAL_LOCKOUT_FAILURES} failures from all clients lock everyone out for ${LOCKOUT_MINUTES} minutes, logged once`, async () => {
    const log = captureLog();
    const at = (minutes: number) => new Date(SUBMITTED_AT.getTime() + minutes * 60_000);
    // One wrong password from each of 30 addresses, all at once.
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attemptSignIn(i % 2 ? other : t.db, `address-${i}`, at(0), () => false),
      ),
    );
    expect(verdicts.filter((v) => v === "wrong")).toHaveLength(GLOBAL_LOCKOUT_FAILURES);
    expect(log.events("staff.signin.locked-all")).toHaveLength(1);
    expect(log.events("staff.signin.locked-all")[0]?.msg).toMatch(/locked for everyone/);
    // Even the right password from a new address is refused while the lock lasts.
    expect(await attemptSignIn(t.db, "staff", at(14.9), () => true)).toBe("locked");
    expect(await attemptSignIn(t.db, "staff", at(15.1), () => true)).toBe("ok");
    expect(log.events("staff.signin.locked-all")).toHaveLength(1);
    log.restore();
  });
});
