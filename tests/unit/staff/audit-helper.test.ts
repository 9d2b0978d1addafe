import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureLog } from "../log-capture";
import type { Kysely } from "kysely";
import { listAudit } from "@/lib/db/audit-log";
import type { Database } from "@/lib/db/types";
import type { StaffActor } from "@/lib/staff/actor";
import { audit, auditDisclosure, AuditUnavailableError } from "@/lib/staff/audit";
import { openRequestRecorded } from "@/lib/staff/request-audit";
import { DATABASES, type TestDb } from "../db/test-databases";
import { readOnlyCopy } from "./action-harness";

/*
 * audit() as staff pages and actions call it: the person and the client come
 * from the request, never from the caller; a failed write is logged and the
 * action stands, while a disclosure is refused.
 */
const current = vi.hoisted(() => ({
  db: undefined as unknown,
  actor: null as StaffActor | null,
  client: "10.0.0.1",
}));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-test-client": current.client }),
}));
vi.mock("@/lib/client-hash", () => ({
  clientHash: (headers: Headers) => `hash-of-${headers.get("x-test-client")}`,
}));
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => current.actor }));
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => current.db,
}));
const logged = captureLog();

const robin: StaffActor = {
  accountId: "acc-robin",
  name: "Robin Ng",
  email: "robin@example.com",
  role: "front-desk",
  sessionId: "s-1",
};

describe.each(DATABASES)("audit() on $name", ({ open }) => {
  let t: TestDb;
  let readOnly: Kysely<Database>;
  beforeAll(async () => {
    t = await open();
    readOnly = await readOnlyCopy(t);
  });
  afterAll(async () => {
    await readOnly.destroy();
    await t.dispose();
  });

  const newest = async () => (await listAudit(t.db, {}, { limit: 1 })).entries[0];

  it("records the signed-in person and the client of the current request", async () => {
    current.db = t.db;
    current.actor = robin;
    current.client = "10.0.0.7";
    const object = { type: "request", id: "AB12-CD34" } as const;
    expect(await audit("status-changed", object, { from: "new", to: "booked" })).toBe(true);
    expect(await newest()).toMatchObject({
      accountId: "acc-robin",
      accountName: "Robin Ng",
      event: "status-changed",
      object,
      detail: { from: "new", to: "booked" },
      clientHash: "hash-of-10.0.0.7",
    });
  });

  it("takes the person from the caller only when told to (sign-in events)", async () => {
    current.db = t.db;
    current.actor = robin;
    expect(
      await audit("sign-in-failed", undefined, { reason: "wrong password" }, { actor: null }),
    ).toBe(true);
    expect(await newest()).toMatchObject({ accountId: null, event: "sign-in-failed" });
    await audit("signed-in", undefined, undefined, { actor: { accountId: "acc-2", name: "Lee" } });
    expect(await newest()).toMatchObject({ accountId: "acc-2", accountName: "Lee" });
  });

  it("keeps the action when the entry cannot be written, and says so in the log", async () => {
    current.actor = robin;
    current.db = readOnly;
    logged.clear();
    const before = (await listAudit(t.db, {}, { limit: null })).entries.length;
    expect(await audit("note-added", { type: "request", id: "AB12-CD34" })).toBe(false);
    expect(logged.events("audit.failed")).toEqual([
      expect.objectContaining({
        level: "error",
        action: "note-added",
        subject: "request AB12-CD34",
        error: expect.stringMatching(/read.?only/i),
      }),
    ]);
    expect((await listAudit(t.db, {}, { limit: null })).entries).toHaveLength(before);
  });

  it("refuses a disclosure it cannot record", async () => {
    current.actor = robin;
    current.db = readOnly;
    await expect(
      auditDisclosure("request-viewed", { type: "request", id: "AB12-CD34" }),
    ).rejects.toBeInstanceOf(AuditUnavailableError);
    current.db = t.db;
    await expect(
      auditDisclosure("request-viewed", { type: "request", id: "AB12-CD34" }),
    ).resolves.toBeUndefined();
    expect(await newest()).toMatchObject({ event: "request-viewed", accountId: "acc-robin" });
  });

  it("shows a request's trail only once its opening is recorded, linking owners to the log", async () => {
    const reference = "BP-7KQ2MX";
    current.db = readOnly;
    current.actor = { ...robin, role: "owner" };
    expect(await openRequestRecorded(reference, "UTC")).toBeNull();

    current.db = t.db;
    const trail = await openRequestRecorded(reference, "UTC");
    expect(trail).toMatchObject({
      reference,
      more: false,
      auditHref: `/staff/audit?request=${reference}`,
    });
    expect(trail?.entries.map((e) => [e.event, e.accountName])).toEqual([
      ["request-viewed", "Robin Ng"],
    ]);

    // A role without audit.read sees the trail but no way into the whole log.
    current.actor = robin;
    const again = await openRequestRecorded(reference, "UTC");
    expect(again?.auditHref).toBeUndefined();
    expect(again?.entries).toHaveLength(2);
  });
});
