import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addRequestNote,
  countNewRequests,
  deleteRequest,
  getRequestByReference,
  listRequests,
  updateRequestStatus,
} from "@/lib/db/staff-requests";
import { DATABASES, type TestDb } from "../db/test-databases";
import { insertRequest } from "../../shared/insert-request";

const at = (minutes: number) => new Date(Date.UTC(2025, 2, 1, 9, minutes)).toISOString();

describe.each(DATABASES)("staff requests on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t.dispose());
  beforeEach(async () => {
    await t.db.deleteFrom("request_events").execute();
    await t.db.deleteFrom("consultation_requests").execute();
  });

  it("lists newest first with urgent new requests on top, and filters by status", async () => {
    await insertRequest(t.db, { reference: "OLD", created_at: at(1) });
    await insertRequest(t.db, { reference: "URGENT", created_at: at(2), urgent: 1 });
    await insertRequest(t.db, {
      reference: "URGENT-CLOSED",
      created_at: at(3),
      urgent: 1,
      status: "closed",
    });
    await insertRequest(t.db, { reference: "NEWEST", created_at: at(4) });

    const all = await listRequests(t.db);
    expect(all.map((r) => r.reference)).toEqual(["URGENT", "NEWEST", "URGENT-CLOSED", "OLD"]);
    const closed = await listRequests(t.db, { status: "closed" });
    expect(closed.map((r) => r.reference)).toEqual(["URGENT-CLOSED"]);
    expect(await listRequests(t.db, { limit: 1 })).toHaveLength(1);
    expect(await listRequests(t.db, { limit: null })).toHaveLength(4);
    expect(all[0]).not.toHaveProperty("client_hash");
  });

  it("puts new emergencies first, then new see-a-doctor-today requests, then the rest", async () => {
    await insertRequest(t.db, { reference: "PLAIN", created_at: at(5) });
    await insertRequest(t.db, {
      reference: "TODAY",
      created_at: at(4),
      urgent: 1,
      red_flag_level: "urgent",
    });
    await insertRequest(t.db, {
      reference: "EMERGENCY",
      created_at: at(1),
      urgent: 1,
      red_flag_level: "emergency",
    });
    await insertRequest(t.db, {
      reference: "TODAY-NEWER",
      created_at: at(6),
      urgent: 1,
      red_flag_level: "urgent",
    });
    const all = await listRequests(t.db);
    expect(all.map((r) => r.reference)).toEqual(["EMERGENCY", "TODAY-NEWER", "TODAY", "PLAIN"]);
    expect(all[0]?.red_flag_level).toBe("emergency");
  });

  it("counts only new requests", async () => {
    expect(await countNewRequests(t.db)).toBe(0);
    await insertRequest(t.db);
    await insertRequest(t.db);
    await insertRequest(t.db, { status: "booked" });
    expect(await countNewRequests(t.db)).toBe(2);
  });

  it("changes status, records each change with its time, and ignores no-op changes", async () => {
    const ref = await insertRequest(t.db);
    const when = new Date("2025-03-02T10:00:00.000Z");
    expect(await updateRequestStatus(t.db, ref, "contacted", when)).toBe(true);
    expect(await updateRequestStatus(t.db, ref, "contacted", when)).toBe(true);
    expect(
      await updateRequestStatus(t.db, ref, "booked", new Date("2025-03-03T10:00:00.000Z")),
    ).toBe(true);

    const request = await getRequestByReference(t.db, ref);
    expect(request?.status).toBe("booked");
    expect(request?.events.map((e) => [e.kind, e.from_status, e.to_status, e.created_at])).toEqual([
      ["status", "new", "contacted", "2025-03-02T10:00:00.000Z"],
      ["status", "contacted", "booked", "2025-03-03T10:00:00.000Z"],
    ]);
  });

  it("adds private notes to the history", async () => {
    const ref = await insertRequest(t.db);
    expect(
      await addRequestNote(t.db, ref, "Called, no answer.", new Date("2025-03-02T10:00:00Z")),
    ).toBe(true);
    const request = await getRequestByReference(t.db, ref);
    expect(request?.events).toMatchObject([{ kind: "note", note: "Called, no answer." }]);
  });

  it("reports unknown references instead of writing anything", async () => {
    expect(await getRequestByReference(t.db, "NOPE")).toBeUndefined();
    expect(await updateRequestStatus(t.db, "NOPE", "spam", new Date())).toBe(false);
    expect(await addRequestNote(t.db, "NOPE", "x", new Date())).toBe(false);
    expect(await deleteRequest(t.db, "NOPE")).toBe(false);
    const events = await t.db.selectFrom("request_events").selectAll().execute();
    expect(events).toEqual([]);
  });

  it("deletes a request and its history for good", async () => {
    const ref = await insertRequest(t.db);
    const other = await insertRequest(t.db);
    await addRequestNote(t.db, ref, "note", new Date());
    await addRequestNote(t.db, other, "keep", new Date());
    expect(await deleteRequest(t.db, ref)).toBe(true);
    expect(await getRequestByReference(t.db, ref)).toBeUndefined();
    const notes = await t.db.selectFrom("request_events").select("note").execute();
    expect(notes).toEqual([{ note: "keep" }]);
  });
});
