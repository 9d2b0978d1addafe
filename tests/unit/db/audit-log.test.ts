import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditLog from "@/lib/db/audit-log";
import {
  countAudit,
  listAudit,
  listAuditPeople,
  pruneAudit,
  recordAudit,
  type NewAuditEntry,
} from "@/lib/db/audit-log";
import type { AuditDetail } from "@/lib/staff/audit-events";
import { DATABASES, type TestDb } from "./test-databases";

const sam = { accountId: "acc-sam", name: "Sam Lee" };
const kim = { accountId: "acc-kim", name: "Kim Park" };
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));

const entry = (overrides: Partial<NewAuditEntry>): NewAuditEntry => ({
  at: at(1),
  actor: sam,
  event: "request-viewed",
  clientHash: "hash-1",
  ...overrides,
});

describe("the audit log's data layer", () => {
  it("offers writing, reading and age pruning, and no other way to change or delete an entry", () => {
    // A new export that updates or deletes would have to be added here on purpose.
    expect(Object.keys(auditLog).sort()).toEqual(
      [
        "checkAuditDetail",
        "countAudit",
        "listAudit",
        "listAuditPeople",
        "pruneAudit",
        "recordAudit",
      ].sort(),
    );
  });

  it("refuses details that are not catalogued short facts", () => {
    expect(() => auditLog.checkAuditDetail({ message: "my back hurts" })).toThrow(
      /key "message" is not in AUDIT_DETAIL_KEYS/,
    );
    expect(() => auditLog.checkAuditDetail({ full_name: "Pat" })).toThrow(/full_name/);
    expect(() => auditLog.checkAuditDetail({ reason: "x".repeat(201) })).toThrow(/at most 200/);
    expect(() => auditLog.checkAuditDetail({ filter: { status: "new" } })).toThrow(/filter/);
    expect(() => auditLog.checkAuditDetail({ rows: Number.NaN })).toThrow(/rows/);
    expect(auditLog.checkAuditDetail({ filter: "new", rows: 3 })).toEqual({
      filter: "new",
      rows: 3,
    });
  });
});

describe.each(DATABASES)("the audit log on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await recordAudit(
      t.db,
      entry({ at: at(1), event: "request-viewed", object: { type: "request", id: "AB12-CD34" } }),
    );
    await recordAudit(
      t.db,
      entry({
        at: at(2),
        event: "status-changed",
        object: { type: "request", id: "AB12-CD34" },
        detail: { from: "new", to: "contacted" },
      }),
    );
    await recordAudit(
      t.db,
      entry({
        at: at(3),
        actor: kim,
        event: "csv-exported",
        object: { type: "export", id: "requests" },
        detail: { filter: "new", rows: 4 },
        clientHash: "hash-2",
      }),
    );
    await recordAudit(t.db, entry({ at: at(4), actor: null, event: "sign-in-failed" }));
    await recordAudit(
      t.db,
      entry({ at: at(5), actor: { ...sam, name: "Sam Lee-Park" }, event: "signed-out" }),
    );
  });
  afterAll(() => t.dispose());

  it("keeps each entry whole, newest first", async () => {
    const { entries, more } = await listAudit(t.db, {}, { limit: 10 });
    expect(more).toBe(false);
    expect(entries.map((e) => e.event)).toEqual([
      "signed-out",
      "sign-in-failed",
      "csv-exported",
      "status-changed",
      "request-viewed",
    ]);
    expect(entries[2]).toEqual({
      id: expect.any(Number),
      at: at(3).toISOString(),
      accountId: "acc-kim",
      accountName: "Kim Park",
      event: "csv-exported",
      object: { type: "export", id: "requests" },
      detail: { filter: "new", rows: 4 },
      clientHash: "hash-2",
    });
    expect(entries[1]).toMatchObject({ accountId: null, accountName: null, object: null });
    // The name is the one at the time: Sam's earlier entries keep "Sam Lee".
    expect(entries[0]?.accountName).toBe("Sam Lee-Park");
    expect(entries[4]?.accountName).toBe("Sam Lee");
  });

  it("filters by person, event, date range and object, alone and together", async () => {
    const events = async (filter: auditLog.AuditFilter) =>
      (await listAudit(t.db, filter, { limit: null })).entries.map((e) => e.event);
    expect(await events({ accountId: "acc-kim" })).toEqual(["csv-exported"]);
    expect(await events({ event: "status-changed" })).toEqual(["status-changed"]);
    // From is inclusive, before is exclusive.
    expect(await events({ from: at(2), before: at(4) })).toEqual([
      "csv-exported",
      "status-changed",
    ]);
    expect(await events({ object: { type: "request", id: "AB12-CD34" } })).toEqual([
      "status-changed",
      "request-viewed",
    ]);
    expect(
      await events({
        accountId: "acc-sam",
        object: { type: "request", id: "AB12-CD34" },
        from: at(2),
      }),
    ).toEqual(["status-changed"]);
    expect(await events({ object: { type: "request", id: "ZZZZ-ZZZZ" } })).toEqual([]);
    expect(await countAudit(t.db, { accountId: "acc-sam" })).toBe(3);
    expect(await countAudit(t.db, {})).toBe(5);
  });

  it("reads a page at a time and says whether more follow", async () => {
    const first = await listAudit(t.db, {}, { limit: 2 });
    const second = await listAudit(t.db, {}, { limit: 2, offset: 2 });
    const third = await listAudit(t.db, {}, { limit: 2, offset: 4 });
    expect([first.more, second.more, third.more]).toEqual([true, true, false]);
    expect(
      [...first.entries, ...second.entries, ...third.entries].map((e) => e.at.slice(0, 10)),
    ).toEqual(["2026-11-05", "2026-11-04", "2026-11-03", "2026-11-02", "2026-11-01"]);
  });

  it("lists everyone in the log once, under their newest name", async () => {
    expect(await listAuditPeople(t.db)).toEqual([
      { accountId: "acc-kim", name: "Kim Park" },
      { accountId: "acc-sam", name: "Sam Lee-Park" },
    ]);
  });

  it("refuses an unknown event, object or detail key instead of storing it", async () => {
    const before = await countAudit(t.db, {});
    await expect(recordAudit(t.db, entry({ event: "made-up" as "signed-in" }))).rejects.toThrow(
      /Unknown audit event/,
    );
    await expect(
      recordAudit(t.db, entry({ object: { type: "patient" as "request", id: "x" } })),
    ).rejects.toThrow(/not catalogued/);
    await expect(
      recordAudit(t.db, entry({ detail: { message: "symptoms" } as unknown as AuditDetail })),
    ).rejects.toThrow(/message/);
    expect(await countAudit(t.db, {})).toBe(before);
  });

  it("cannot be changed, even by a query written by hand", async () => {
    await expect(
      t.db.updateTable("audit_log").set({ account_name: "Someone else" }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET event = 'signed-in'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    const names = (await listAudit(t.db, {}, { limit: null })).entries.map((e) => e.accountName);
    expect(names).not.toContain("Someone else");
  });

  it("prunes only entries older than the retention period", async () => {
    const fresh = await open();
    try {
      const now = new Date("2032-06-01T00:00:00.000Z");
      for (const iso of [
        "2026-05-31T23:59:59.999Z", // six years and a moment: goes
        "2026-06-01T00:00:00.000Z", // exactly six years: stays
        "2031-01-01T00:00:00.000Z",
      ]) {
        await recordAudit(fresh.db, entry({ at: new Date(iso) }));
      }
      expect(await pruneAudit(fresh.db, now, 6)).toBe(1);
      const left = (await listAudit(fresh.db, {}, { limit: null })).entries.map((e) => e.at);
      expect(left).toEqual(["2031-01-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z"]);
      expect(await pruneAudit(fresh.db, now, 6)).toBe(0);
      expect(await pruneAudit(fresh.db, now, 1)).toBe(2);
      await expect(pruneAudit(fresh.db, now, 0)).rejects.toThrow(/whole number of years/);
      await expect(pruneAudit(fresh.db, now, 2.5)).rejects.toThrow(/whole number of years/);
    } finally {
      await fresh.dispose();
    }
  });
});
