import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, recordAudit } from "@/lib/db/audit-log";
import { deleteExpiredRequests } from "@/lib/db/retention";
import { addRequestNote } from "@/lib/db/staff-requests";
import { DATABASES, type TestDb } from "../db/test-databases";
import { insertRequest } from "../../shared/insert-request";

const now = new Date("2026-03-01T12:00:00.000Z");
const daysAgo = (days: number, extraMs = 0) =>
  new Date(now.getTime() - days * 86_400_000 + extraMs).toISOString();

describe.each(DATABASES)("retention on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t.dispose());

  it("deletes requests older than the retention period, with their history, and keeps the rest", async () => {
    const old = await insertRequest(t.db, { created_at: daysAgo(366) });
    await insertRequest(t.db, { created_at: daysAgo(365, -1) });
    const edge = await insertRequest(t.db, { created_at: daysAgo(365) });
    const recent = await insertRequest(t.db, { created_at: daysAgo(10) });
    await addRequestNote(t.db, old, "old note", now);
    await addRequestNote(t.db, recent, "recent note", now);

    expect(await deleteExpiredRequests(t.db, now, 365)).toBe(2);
    const left = await t.db.selectFrom("consultation_requests").select("reference").execute();
    expect(left.map((r) => r.reference).sort()).toEqual([edge, recent].sort());
    const notes = await t.db.selectFrom("request_events").select("note").execute();
    expect(notes).toEqual([{ note: "recent note" }]);
    expect(await deleteExpiredRequests(t.db, now, 365)).toBe(0);
  });

  it("uses the days it is given", async () => {
    await insertRequest(t.db, { created_at: daysAgo(8) });
    expect(await deleteExpiredRequests(t.db, now, 7)).toBeGreaterThanOrEqual(1);
    const left = await t.db.selectFrom("consultation_requests").select("created_at").execute();
    expect(left.every((r) => r.created_at >= daysAgo(7))).toBe(true);
  });

  it("never deletes the audit entries about the requests it deletes", async () => {
    const old = await insertRequest(t.db, { created_at: daysAgo(400) });
    const object = { type: "request", id: old } as const;
    const actor = { accountId: "acc-1", name: "Sam" };
    for (const event of ["request-viewed", "status-changed", "csv-exported"] as const) {
      await recordAudit(t.db, {
        at: new Date(daysAgo(399)),
        actor,
        event,
        object,
        clientHash: "h",
      });
    }

    expect(await deleteExpiredRequests(t.db, now, 365)).toBeGreaterThanOrEqual(1);
    const request = await t.db
      .selectFrom("consultation_requests")
      .select("id")
      .where("reference", "=", old)
      .executeTakeFirst();
    expect(request).toBeUndefined();
    const { entries } = await listAudit(t.db, { object }, { limit: null });
    expect(entries.map((e) => e.event)).toEqual([
      "csv-exported",
      "status-changed",
      "request-viewed",
    ]);
  });

  it("refuses a retention period that is not a whole number of days above zero", async () => {
    await expect(deleteExpiredRequests(t.db, now, 0)).rejects.toThrow(/retention days/);
    await expect(deleteExpiredRequests(t.db, now, 1.5)).rejects.toThrow(/retention days/);
  });
});
