import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRateEvents, pruneRateEvents, recordRateEvent } from "@/lib/db/rate-events";
import { DATABASES, type TestDb } from "./test-databases";

const at = (minutes: number) => new Date(Date.UTC(2025, 5, 1, 12, minutes));

describe.each(DATABASES)("rate events on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("counts one client's events in one bucket since a time", async () => {
    for (const minute of [0, 5, 9])
      await recordRateEvent(t.db, "consultation", "alice", at(minute));
    await recordRateEvent(t.db, "consultation", "bob", at(9));
    await recordRateEvent(t.db, "staff-login", "alice", at(9));
    expect(await countRateEvents(t.db, "consultation", "alice", at(0))).toBe(3);
    expect(await countRateEvents(t.db, "consultation", "alice", at(5))).toBe(2);
    expect(await countRateEvents(t.db, "consultation", "alice", at(10))).toBe(0);
    expect(await countRateEvents(t.db, "staff-login", "alice", at(0))).toBe(1);
    expect(await countRateEvents(t.db, "consultation", "carol", at(0))).toBe(0);
  });

  it("prunes events older than a time", async () => {
    expect(await pruneRateEvents(t.db, at(6))).toBe(2);
    expect(await countRateEvents(t.db, "consultation", "alice", at(0))).toBe(1);
    expect(await countRateEvents(t.db, "consultation", "bob", at(0))).toBe(1);
  });
});
