import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inviteAccount } from "@/lib/db/staff-accounts";
import {
  createSession,
  endAccountSessions,
  endOtherSessions,
  endSession,
  findSession,
  listSessions,
  promoteSession,
  pruneStaffSessions,
  touchSession,
} from "@/lib/db/staff-sessions";
import { issueToken } from "@/lib/staff/tokens";
import { DATABASES, type TestDb } from "./test-databases";

const start = new Date("2026-12-02T09:00:00.000Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe.each(DATABASES)("staff sessions on $name", ({ open }) => {
  let t: TestDb;
  let alice = "";
  let bob = "";
  beforeAll(async () => {
    t = await open();
    for (const email of ["alice@example.com", "bob@example.com"]) {
      const result = await inviteAccount(t.db, {
        email,
        role: "editor",
        token: issueToken(start),
        now: start,
      });
      if (!result.ok) throw new Error("invite");
      if (email.startsWith("alice")) alice = result.account.id;
      else bob = result.account.id;
    }
    // Sessions of invited accounts are not listed; these tests want them active.
    await t.db.updateTable("staff_accounts").set({ state: "active" }).execute();
  });
  afterAll(() => t.dispose());

  const open_ = (id: string, accountId: string, at = start, stage: "full" | "two-step" = "full") =>
    createSession(t.db, {
      id,
      tokenHash: `hash-${id}`,
      accountId,
      stage,
      userAgent: "Safari on iPhone",
      clientHash: "client",
      now: at,
      expiresAt: new Date(at.getTime() + 8 * 3_600_000),
    });

  it("finds a session by its token hash, with its account", async () => {
    await open_("s1", alice);
    expect(await findSession(t.db, "hash-s1")).toMatchObject({
      id: "s1",
      accountId: alice,
      stage: "full",
      createdAt: start.toISOString(),
      lastSeenAt: start.toISOString(),
      expiresAt: minutes(480).toISOString(),
      endedAt: null,
      userAgent: "Safari on iPhone",
      account: { email: "alice@example.com", role: "editor", state: "active" },
    });
    expect(await findSession(t.db, "s1")).toBeUndefined();
  });

  it("moves last seen on activity and promotes a two-step session", async () => {
    await open_("s2", alice, start, "two-step");
    await touchSession(t.db, "s2", minutes(3));
    expect((await findSession(t.db, "hash-s2"))?.lastSeenAt).toBe(minutes(3).toISOString());
    expect(await promoteSession(t.db, "s2", minutes(4))).toBe(true);
    expect((await findSession(t.db, "hash-s2"))?.stage).toBe("full");
  });

  it("ends a session once, and only its own account's when the account is named", async () => {
    await open_("s3", bob);
    expect(await endSession(t.db, "s3", "ended-by-self", minutes(5), alice)).toBe(false);
    expect(await endSession(t.db, "s3", "signed-out", minutes(5))).toBe(true);
    expect(await endSession(t.db, "s3", "signed-out", minutes(6))).toBe(false);
    expect((await findSession(t.db, "hash-s3"))?.endedAt).toBe(minutes(5).toISOString());
    await touchSession(t.db, "s3", minutes(7));
    expect(await promoteSession(t.db, "s3", minutes(7))).toBe(false);
    expect((await findSession(t.db, "hash-s3"))?.lastSeenAt).toBe(start.toISOString());
  });

  it("lists open sessions, leaving out ended, idle and expired ones", async () => {
    await open_("s4", bob, minutes(10));
    await open_("s5", bob, minutes(11));
    const at = minutes(20);
    const listed = await listSessions(t.db, { now: at, idleMinutes: 30 });
    expect(listed.map((s) => s.id).sort()).toEqual(["s1", "s2", "s4", "s5"]);
    expect(
      (await listSessions(t.db, { accountId: bob, now: at, idleMinutes: 30 })).map((s) => s.id),
    ).toEqual(["s5", "s4"]);
    // s1 was last seen at 0: idle after 30 minutes; s4 at 10.
    expect(
      (await listSessions(t.db, { now: minutes(40.5), idleMinutes: 30 })).map((s) => s.id).sort(),
    ).toEqual(["s5"]);
    // Past 8 hours nothing is open, however recent the activity.
    await touchSession(t.db, "s5", minutes(11 + 479));
    expect(await listSessions(t.db, { now: minutes(11 + 480), idleMinutes: 30 })).toEqual([]);
  });

  it("ends every other session of a person, or all of an account's", async () => {
    await open_("s6", alice, minutes(30));
    await open_("s7", alice, minutes(30));
    expect(await endOtherSessions(t.db, alice, "s7", minutes(31))).toBe(3);
    expect((await findSession(t.db, "hash-s7"))?.endedAt).toBeNull();
    expect((await findSession(t.db, "hash-s6"))?.endedAt).toBe(minutes(31).toISOString());
    expect((await findSession(t.db, "hash-s5"))?.endedAt).toBeNull();
    expect(await endAccountSessions(t.db, bob, "account-disabled", minutes(32))).toBe(2);
    expect((await findSession(t.db, "hash-s5"))?.endedAt).toBe(minutes(32).toISOString());
  });

  it("prunes sessions that ended or expired before a time", async () => {
    // s1, s2 and s6 ended at 31, s3 at 5; s4 and s5 at 32; s7 is open until 30 + 480.
    expect(await pruneStaffSessions(t.db, minutes(31.5))).toBe(4);
    expect(await findSession(t.db, "hash-s1")).toBeUndefined();
    expect(await findSession(t.db, "hash-s4")).toBeDefined();
    expect(await findSession(t.db, "hash-s7")).toBeDefined();
    expect(await pruneStaffSessions(t.db, minutes(30 + 480 + 1))).toBe(3);
    expect(await findSession(t.db, "hash-s7")).toBeUndefined();
  });
});
