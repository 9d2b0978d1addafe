import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  otherEditors,
  PRESENCE_GONE_MS,
  prunePresence,
  recordPresence,
  removePresence,
} from "@/lib/db/page-presence";
import { presenceTime } from "@/lib/staff/presence";
import { editingSentence } from "@/lib/validations/presence";
import { DATABASES, type TestDb } from "./test-databases";
import { addTestAccount } from "./test-accounts";

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 2, 14, minute, second));

describe.each(DATABASES)("page presence on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    for (const [id, name] of [
      ["sam", "Sam Lee"],
      ["alex", ""],
      ["robin", "Robin Park"],
    ] as const) {
      await addTestAccount(t.db, { id, name, at: at(0) });
    }
  });
  afterAll(() => t.dispose());

  it("shows each person the others on the page, with when they opened it", async () => {
    await recordPresence(t.db, { page: "benefits", sessionId: "s-sam", accountId: "sam" }, at(2));
    await recordPresence(t.db, { page: "benefits", sessionId: "s-alex", accountId: "alex" }, at(3));
    // A heartbeat later moves "last seen", never "since".
    await recordPresence(t.db, { page: "benefits", sessionId: "s-sam", accountId: "sam" }, at(3));

    expect(await otherEditors(t.db, "benefits", "alex", at(3, 30))).toEqual([
      { accountId: "sam", name: "Sam Lee", since: at(2).toISOString() },
    ]);
    // Without a name, the account's email stands in.
    expect(await otherEditors(t.db, "benefits", "sam", at(3, 30))).toEqual([
      { accountId: "alex", name: "alex@example.com", since: at(3).toISOString() },
    ]);
    // Another page is another page.
    expect(await otherEditors(t.db, "faq", "sam", at(3, 30))).toEqual([]);
  });

  it("never shows a person themselves, whatever tab or device they have it open in", async () => {
    await recordPresence(
      t.db,
      { page: "faq", sessionId: "robin-laptop", accountId: "robin" },
      at(5),
    );
    await recordPresence(
      t.db,
      { page: "faq", sessionId: "robin-phone", accountId: "robin" },
      at(6),
    );
    expect(await otherEditors(t.db, "faq", "robin", at(6))).toEqual([]);
    // Others see Robin once, since the earliest of Robin's sign-ins on the page.
    expect(await otherEditors(t.db, "faq", "sam", at(6))).toEqual([
      { accountId: "robin", name: "Robin Park", since: at(5).toISOString() },
    ]);
  });

  it("counts a sign-in gone a minute after its last heartbeat, and at once when it leaves", async () => {
    const key = { page: "tips", sessionId: "s-sam-tips", accountId: "sam" };
    await recordPresence(t.db, key, at(10));
    const justInside = new Date(at(10).getTime() + PRESENCE_GONE_MS - 1000);
    const justPast = new Date(at(10).getTime() + PRESENCE_GONE_MS + 1000);
    expect(await otherEditors(t.db, "tips", "alex", justInside)).toHaveLength(1);
    expect(await otherEditors(t.db, "tips", "alex", justPast)).toEqual([]);

    // Back after being gone: a new "since", and the stale row was swept by the write.
    await recordPresence(t.db, key, at(15));
    expect(await otherEditors(t.db, "tips", "alex", at(15))).toEqual([
      { accountId: "sam", name: "Sam Lee", since: at(15).toISOString() },
    ]);

    await removePresence(t.db, { page: "tips", sessionId: "s-sam-tips" });
    expect(await otherEditors(t.db, "tips", "alex", at(15))).toEqual([]);
  });

  it("sweeps rows gone stale when someone else records on the page", async () => {
    await recordPresence(t.db, { page: "old", sessionId: "s-a", accountId: "alex" }, at(20));
    await recordPresence(t.db, { page: "old", sessionId: "s-r", accountId: "robin" }, at(30));
    const rows = await t.db
      .selectFrom("page_presence")
      .select("session_id")
      .where("page", "=", "old")
      .execute();
    expect(rows.map((row) => row.session_id)).toEqual(["s-r"]);
  });
});

describe.each(DATABASES)("pruning presence on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await t.db
      .insertInto("staff_accounts")
      .values({
        id: "sam",
        email: "sam@example.com",
        name: "Sam",
        role: "editor",
        state: "active",
        password_hash: null,
        created_at: at(0).toISOString(),
        updated_at: at(0).toISOString(),
        last_sign_in_at: null,
      })
      .execute();
  });
  afterAll(() => t.dispose());

  it("deletes rows not refreshed since the cut, on every page", async () => {
    await recordPresence(t.db, { page: "a", sessionId: "s1", accountId: "sam" }, at(1));
    await recordPresence(t.db, { page: "b", sessionId: "s1", accountId: "sam" }, at(5));
    expect(await prunePresence(t.db, at(3))).toBe(1);
    const left = await t.db.selectFrom("page_presence").select("page").execute();
    expect(left.map((row) => row.page)).toEqual(["b"]);
  });
});

describe("the presence sentence", () => {
  it("gives the time in the clinic's time zone, as a 24-hour clock", () => {
    const since = at(2).toISOString(); // 14:02 UTC
    expect(presenceTime(since, "America/Chicago")).toBe("08:02");
    expect(presenceTime(since, "Europe/London")).toBe("14:02");
    expect(editingSentence({ name: "Sam Lee", since: presenceTime(since, "Europe/Berlin") })).toBe(
      "Sam Lee is editing this page (since 15:02)",
    );
  });
});
