import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteRequestAction, saveFollowUpAction } from "@/lib/actions/staff";
import type { StaffActor } from "@/lib/staff/actor";
import { DATABASES, type TestDb } from "../db/test-databases";
import { insertRequest } from "../../shared/insert-request";
import { form, redirectOf } from "./action-harness";

/*
 * What the action client writes once an action has done what it says: the
 * audit entries the action queued (and none when it refused the form), and
 * the person on the change itself (migration 014). The permission matrix is
 * tests/unit/staff/endpoints.test.ts.
 */
const current = vi.hoisted(() => ({
  db: undefined as unknown,
  audited: [] as { event: string; object?: unknown; detail?: unknown }[],
}));
const frontDesk: StaffActor = {
  accountId: "account-robin",
  name: "Robin Front Desk",
  email: "robin@example.com",
  role: "front-desk",
  sessionId: "session-robin",
};
const owner: StaffActor = { ...frontDesk, accountId: "account-sam", name: "Sam", role: "owner" };
const who = vi.hoisted(() => ({ actor: undefined as unknown }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => who.actor }));
vi.mock("@/lib/staff/audit", () => ({
  audit: async (event: string, object?: unknown, detail?: unknown) => {
    current.audited.push({ event, object, detail });
    return true;
  },
}));
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => current.db,
}));

describe.each(DATABASES)("the action client on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  afterAll(() => t.dispose());

  it("records the follow-up under the person, in the request and in the audit log", async () => {
    const reference = await insertRequest(t.db);
    who.actor = frontDesk;
    current.audited = [];
    const save = saveFollowUpAction(
      { status: "new", note: "", answer: 0 },
      form({ reference, status: "contacted", note: "Left a voicemail." }),
    );
    expect(await redirectOf(save)).toBe(`/staff/requests/${reference}?notice=saved`);
    const request = { type: "request", id: reference };
    expect(current.audited).toEqual([
      { event: "status-changed", object: request, detail: { from: "new", to: "contacted" } },
      { event: "note-added", object: request, detail: undefined },
    ]);
    const events = await t.db
      .selectFrom("request_events")
      .select(["kind", "author", "account_id"])
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { kind: "status", author: "Robin Front Desk", account_id: "account-robin" },
      { kind: "note", author: "Robin Front Desk", account_id: "account-robin" },
    ]);
  });

  it("records nothing for a form it refuses, and the deletion once it is done", async () => {
    const reference = await insertRequest(t.db);
    who.actor = owner;
    current.audited = [];
    const unticked = deleteRequestAction(form({ reference }));
    expect(await redirectOf(unticked)).toBe(`/staff/requests/${reference}?notice=delete-error`);
    expect(current.audited).toEqual([]);

    const confirmed = deleteRequestAction(form({ reference, confirm: "yes" }));
    expect(await redirectOf(confirmed)).toBe(`/staff?deleted=${reference}`);
    expect(current.audited).toEqual([
      { event: "request-deleted", object: { type: "request", id: reference }, detail: undefined },
    ]);
  });
});
