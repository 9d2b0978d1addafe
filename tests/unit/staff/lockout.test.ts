import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attemptAccountSignIn,
  isAccountLocked,
  isLockedOut,
  LOCKOUT_ATTEMPTS,
  recordFailedSignIn,
} from "@/lib/staff/lockout";
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

describe.each(DATABASES)("staff sign-in lockout per account on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t.dispose());

  // Each guess from a new address, as a spread-out attack would come: only the account limit holds.
  let address = 0;
  const attempt = (account: string | null, at: Date, right: boolean, checked?: () => void) =>
    attemptAccountSignIn(t.db, {
      client: `address-${(address += 1)}`,
      account,
      now: at,
      passwordIsRight: async () => {
        checked?.();
        return right;
      },
    });

  it("locks an account after 5 wrong passwords in 15 minutes, whichever addresses they come from", async () => {
    for (let i = 0; i < 4; i++) {
      expect(await attempt("acc-1", minutes(i), false)).toEqual({
        verdict: "wrong",
        lockedAccount: false,
      });
    }
    expect(await isAccountLocked(t.db, "acc-1", minutes(4))).toBe(false);
    expect(await attempt("acc-1", minutes(4), false)).toEqual({
      verdict: "wrong",
      lockedAccount: true,
    });
    expect(await isAccountLocked(t.db, "acc-1", minutes(5))).toBe(true);
    // Another account is not touched.
    expect(await attempt("acc-2", minutes(5), true)).toEqual({
      verdict: "ok",
      lockedAccount: false,
    });
  });

  it("answers a locked account exactly as a wrong password, after checking the password all the same", async () => {
    let checks = 0;
    const locked = await attempt("acc-1", minutes(10), true, () => (checks += 1));
    expect(locked).toEqual({ verdict: "wrong", lockedAccount: false });
    expect(checks).toBe(1);
    const unknown = await attempt(null, minutes(10), false, () => (checks += 1));
    expect(unknown).toEqual(locked);
    expect(checks).toBe(2);
  });

  it("lets the right password in again 15 minutes after the lock", async () => {
    expect(await attempt("acc-1", minutes(18.9), true)).toMatchObject({ verdict: "wrong" });
    expect(await attempt("acc-1", minutes(19.1), true)).toEqual({
      verdict: "ok",
      lockedAccount: false,
    });
  });

  it("does not count unknown addresses against any account", async () => {
    for (let i = 0; i < 6; i++) await attempt(null, minutes(30 + i), false);
    expect(await attempt("acc-3", minutes(36), true)).toMatchObject({ verdict: "ok" });
  });
});
