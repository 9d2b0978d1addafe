import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneRateEvents, reachedLimit, recordRateEvent } from "@/lib/db/rate-events";
import { DATABASES, type TestDb } from "./test-databases";

const at = (minutes: number) => new Date(Date.UTC(2025, 5, 1, 12, minutes));

describe.each(DATABASES)("rate events on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("tells whether one client, or all clients, reached a limit in one bucket since a time", async () => {
    for (const minute of [0, 5, 9])
      await recordRateEvent(t.db, "consultation", "alice", at(minute));
    await recordRateEvent(t.db, "consultation", "bob", at(9));
    await recordRateEvent(t.db, "staff-login", "alice", at(9));
    const reached = (
      client: string | null,
      since: number,
      limit: number,
      bucket = "consultation",
    ) => reachedLimit(t.db, bucket as "consultation", client, at(since), limit);
    expect(await reached("alice", 0, 3)).toBe(true);
    expect(await reached("alice", 0, 4)).toBe(false);
    expect(await reached("alice", 5, 2)).toBe(true);
    expect(await reached("alice", 5, 3)).toBe(false);
    expect(await reached("alice", 10, 1)).toBe(false);
    expect(await reached("alice", 0, 1, "staff-login")).toBe(true);
    expect(await reached("alice", 0, 2, "staff-login")).toBe(false);
    expect(await reached("carol", 0, 1)).toBe(false);
    expect(await reached(null, 0, 4)).toBe(true);
    expect(await reached(null, 0, 5)).toBe(false);
    expect(await reached(null, 9, 2)).toBe(true);
    expect(await reached("carol", 0, 0)).toBe(true);
  });

  it("prunes events older than a time", async () => {
    expect(await pruneRateEvents(t.db, at(6))).toBe(2);
    expect(await reachedLimit(t.db, "consultation", "alice", at(0), 1)).toBe(true);
    expect(await reachedLimit(t.db, "consultation", "alice", at(0), 2)).toBe(false);
    expect(await reachedLimit(t.db, "consultation", "bob", at(0), 1)).toBe(true);
  });

  it("agrees with counting the events by hand, for any events, window and limit", async () => {
    const event = fc.record({ client: fc.constantFrom("a", "b", "c"), minute: fc.nat(30) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 25 }),
        fc.constantFrom("a", "b", null),
        fc.nat(30),
        fc.integer({ min: 1, max: 12 }),
        async (events, client, since, limit) => {
          await t.db.deleteFrom("rate_events").execute();
          for (const e of events)
            await recordRateEvent(t.db, "consultation", e.client, at(e.minute));
          const count = events.filter(
            (e) => e.minute >= since && (client === null || e.client === client),
          ).length;
          expect(await reachedLimit(t.db, "consultation", client, at(since), limit)).toBe(
            count >= limit,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
