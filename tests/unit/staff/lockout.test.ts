import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLockedOut, LOCKOUT_ATTEMPTS, recordFailedSignIn } from "@/lib/staff/lockout";
import { DATABASES, type TestDb } from "../db/test-databases";

const start = new Date("2025-03-01T09:00:00.000Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe.each(DATABASES)("staff sign-in lockout on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t.dispose());

  it("locks a client after 5 wrong passwords within 15 minutes", async () => {
    expect(LOCKOUT_ATTEMPTS).toBe(5);
    for (let i = 0; i < 4; i++) {
      expect(await recordFailedSignIn(t.db, "client-a", minutes(i))).toBe(false);
    }
    expect(await isLockedOut(t.db, "client-a", minutes(4))).toBe(false);
    expect(await recordFailedSignIn(t.db, "client-a", minutes(4))).toBe(true);
    expect(await isLockedOut(t.db, "client-a", minutes(5))).toBe(true);
  });

  it("locks only that client", async () => {
    expect(await isLockedOut(t.db, "client-b", minutes(5))).toBe(false);
  });

  it("unlocks once the oldest failures are more than 15 minutes old", async () => {
    // Failures at minutes 0..4: at 15:00 the first has left the window.
    expect(await isLockedOut(t.db, "client-a", minutes(14.99))).toBe(true);
    expect(await isLockedOut(t.db, "client-a", minutes(15.01))).toBe(false);
  });

  it("does not lock for 5 failures spread over more than 15 minutes", async () => {
    for (const m of [0, 4, 8, 12, 16]) await recordFailedSignIn(t.db, "client-c", minutes(m));
    expect(await isLockedOut(t.db, "client-c", minutes(16))).toBe(false);
  });
});
