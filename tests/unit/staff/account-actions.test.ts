import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { captureLog } from "../log-capture";
import {
  changeRoleAction,
  disableAccountAction,
  enableAccountAction,
  endAccountSessionsAction,
  inviteStaffAction,
  resendInviteAction,
  resetAccountAction,
  revokeInviteAction,
} from "@/lib/actions/staff-accounts";
import { endMyOtherSessionsAction, endMySessionAction } from "@/lib/actions/staff-sessions";
import { getAccount } from "@/lib/db/staff-accounts";
import { createSession, listSessions } from "@/lib/db/staff-sessions";
import type { StaffActor } from "@/lib/staff/actor";
import type { Role } from "@/lib/validations/permissions";
import type { LinkState } from "@/lib/validations/staff-accounts";
import { DATABASES, type TestDb } from "../db/test-databases";
import { form, readOnlyCopy, redirectOf } from "./action-harness";
import { addTestAccount } from "../db/test-accounts";

/*
 * The owner's accounts page and everyone's sessions page, through the action
 * client on each database: what each button changes, what it refuses (one's
 * own account, the last owner), the audit entry it leaves, and a failed save
 * answered in words. Who may call them at all is tests/unit/staff/endpoints.test.ts.
 */
const current = vi.hoisted(() => ({
  db: undefined as unknown,
  actor: undefined as unknown,
  audited: [] as { event: string; object?: unknown; detail?: unknown }[],
}));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => current.actor }));
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
// Their failures are logged: kept off the test output.
captureLog();

const start = new Date();
let counter = 0;

describe.each(DATABASES)("staff account actions on $name", ({ open }) => {
  let t: TestDb;
  let owner: StaffActor;
  let ownerEmail = "";

  /** An account straight in the database, as if set up from its link. */
  async function account(role: Role, state: "active" | "invited" | "disabled" = "active") {
    counter += 1;
    return addTestAccount(t.db, {
      id: `account-${counter}`,
      email: `person${counter}@example.com`,
      name: `Person ${counter}`,
      role,
      state,
      at: start,
    });
  }

  async function session(accountId: string) {
    const id = `session-${++counter}`;
    await createSession(t.db, {
      id,
      tokenHash: `hash-${id}`,
      accountId,
      stage: "full",
      userAgent: "Firefox on Linux",
      clientHash: "client",
      now: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    return id;
  }

  const open_ = async (accountId: string) =>
    (await listSessions(t.db, { accountId, now: new Date(), idleMinutes: 30 })).map((s) => s.id);

  beforeAll(async () => {
    t = await open();
    current.db = t.db;
    const id = await account("owner");
    ownerEmail = (await getAccount(t.db, id))!.email;
    owner = {
      accountId: id,
      name: "Olive Owner",
      email: "olive@example.com",
      role: "owner",
      sessionId: await session(id),
    };
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    current.db = t.db;
    current.actor = owner;
    current.audited = [];
  });

  it("invites someone and answers with a one-time link, and names each field it refuses", async () => {
    const refused = await inviteStaffAction(
      { answer: 0 },
      form({ email: "not an address", name: "Robin", role: "janitor" }),
    );
    expect(refused.link).toBeUndefined();
    expect(refused.errors?.email).toMatch(/^Email address: write a whole address/);
    expect(refused.errors?.role).toMatch(/^Role: choose one of the roles listed/);
    // What was typed comes back.
    expect(refused.values).toEqual({ email: "not an address", name: "Robin", role: "janitor" });
    expect(current.audited).toEqual([]);

    const made = await inviteStaffAction(
      refused,
      form({ email: " Robin@Example.com ", name: "", role: "front-desk" }),
    );
    expect(made.link).toMatch(/\/staff\/set-up\?token=[A-Za-z0-9_-]{20,}$/);
    expect(made).toMatchObject({ email: "robin@example.com", emailed: false, hours: 72 });
    expect(made.answer).toBe(refused.answer + 1);
    const [entry] = current.audited;
    expect(entry).toMatchObject({
      event: "account-invited",
      detail: { accountEmail: "robin@example.com", role: "Front desk" },
    });
    const id = (entry!.object as { id: string }).id;
    expect(await getAccount(t.db, id)).toMatchObject({ state: "invited", role: "front-desk" });

    // An address with an active account is not invited again; the answer names the field.
    const taken = await inviteStaffAction(
      { answer: 0 },
      form({ email: ownerEmail.toUpperCase(), role: "editor" }),
    );
    expect(taken.link).toBeUndefined();
    expect(taken.errors?.email).toBe(
      `Email address: ${ownerEmail} already has an account (listed below). Write another address, or manage that account below.`,
    );
  });

  it("re-sends and withdraws an invitation", async () => {
    const invited = await account("editor", "invited");
    const resent = await resendInviteAction({ answer: 0 }, form({ account: invited }));
    expect(resent.link).toMatch(/\/staff\/set-up\?token=/);
    expect(current.audited).toEqual([
      expect.objectContaining({
        event: "account-invited",
        object: { type: "account", id: invited },
      }),
    ]);
    current.audited = [];
    const revoked = revokeInviteAction(form({ account: invited }));
    expect(await redirectOf(revoked)).toBe("/staff/accounts?notice=revoked");
    expect(await getAccount(t.db, invited)).toBeUndefined();
    expect(current.audited).toEqual([
      expect.objectContaining({
        event: "account-changed",
        detail: expect.objectContaining({ change: "invitation withdrawn" }),
      }),
    ]);
  });

  it("disables an account, ending its sessions, and enables it again", async () => {
    const leaver = await account("front-desk");
    await session(leaver);
    expect(await open_(leaver)).toHaveLength(1);
    const disabled = disableAccountAction(form({ account: leaver }));
    expect(await redirectOf(disabled)).toBe(`/staff/accounts?notice=disabled&account=${leaver}`);
    expect((await getAccount(t.db, leaver))?.state).toBe("disabled");
    expect(await open_(leaver)).toEqual([]);
    expect(current.audited.map((e) => e.event)).toEqual(["account-disabled"]);

    const enabled = enableAccountAction(form({ account: leaver }));
    expect(await redirectOf(enabled)).toBe(`/staff/accounts?notice=enabled&account=${leaver}`);
    expect((await getAccount(t.db, leaver))?.state).toBe("active");
  });

  it("refuses the owner's own account and the last active owner", async () => {
    const self = owner.accountId;
    // Olive is the only active owner: that reason comes first.
    expect(await redirectOf(disableAccountAction(form({ account: self })))).toBe(
      `/staff/accounts?notice=last-owner&account=${self}`,
    );
    // Another owner acts (an id not in the table): Olive is still the last active owner.
    current.actor = { ...owner, accountId: "someone-else" };
    expect(await redirectOf(disableAccountAction(form({ account: self })))).toBe(
      "/staff/accounts?notice=last-owner",
    );
    expect(await redirectOf(changeRoleAction(form({ account: self, role: "editor" })))).toBe(
      `/staff/accounts?notice=last-owner&account=${self}`,
    );
    expect(await getAccount(t.db, self)).toMatchObject({ state: "active", role: "owner" });

    // With a second owner, one's own account is still refused, for its own reason.
    const second = await account("owner");
    current.actor = owner;
    expect(await redirectOf(disableAccountAction(form({ account: self })))).toBe(
      `/staff/accounts?notice=own-disable&account=${self}`,
    );
    expect(await redirectOf(changeRoleAction(form({ account: self, role: "editor" })))).toBe(
      `/staff/accounts?notice=own-role&account=${self}`,
    );
    const ownReset = await resetAccountAction({ answer: 0 }, form({ account: self }));
    expect(ownReset.error).toMatch(/cannot reset your own account/);
    expect(ownReset.link).toBeUndefined();
    expect(await getAccount(t.db, self)).toMatchObject({ state: "active", role: "owner" });
    expect(current.audited).toEqual([]);
    await t.db.deleteFrom("staff_accounts").where("id", "=", second).execute();
  });

  it("changes a role, recording from and to", async () => {
    const person = await account("editor");
    const changed = changeRoleAction(form({ account: person, role: "practitioner" }));
    expect(await redirectOf(changed)).toBe(`/staff/accounts?notice=role-changed&account=${person}`);
    expect((await getAccount(t.db, person))?.role).toBe("practitioner");
    expect(current.audited).toEqual([
      {
        event: "role-changed",
        object: { type: "account", id: person },
        detail: { accountEmail: expect.any(String), from: "Editor", to: "Practitioner" },
      },
    ]);
  });

  it("resets an account: its sessions end and a new link is shown once", async () => {
    const person = await account("practitioner");
    await session(person);
    const reset: LinkState = await resetAccountAction({ answer: 0 }, form({ account: person }));
    expect(reset.link).toMatch(/\/staff\/set-up\?token=/);
    expect(await open_(person)).toEqual([]);
    const row = await t.db
      .selectFrom("staff_accounts")
      .select("password_hash")
      .where("id", "=", person)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
    expect(current.audited.map((e) => e.event)).toEqual(["account-reset"]);
  });

  it("ends every session of another account, not the owner's own from there", async () => {
    const person = await account("editor");
    await session(person);
    await session(person);
    expect(await redirectOf(endAccountSessionsAction(form({ account: person })))).toBe(
      `/staff/accounts?notice=sessions-ended&account=${person}`,
    );
    expect(await open_(person)).toEqual([]);
    expect(current.audited).toEqual([
      expect.objectContaining({
        event: "session-ended",
        detail: expect.objectContaining({ change: "2 sessions ended" }),
      }),
    ]);
    expect(await redirectOf(endAccountSessionsAction(form({ account: owner.accountId })))).toMatch(
      /notice=own-end-sessions/,
    );
    expect(await open_(owner.accountId)).toContain(owner.sessionId);
  });

  it("lets a person end their own other sessions only", async () => {
    const person = await account("front-desk");
    const here = await session(person);
    const phone = await session(person);
    const laptop = await session(person);
    const stranger = await account("editor");
    const theirs = await session(stranger);
    current.actor = { ...owner, accountId: person, role: "front-desk", sessionId: here };

    // Someone else's session id changes nothing.
    expect(await redirectOf(endMySessionAction(form({ session: theirs })))).toBe(
      "/staff/sessions?notice=none-ended",
    );
    expect(await open_(stranger)).toEqual([theirs]);
    expect(await redirectOf(endMySessionAction(form({ session: here })))).toBe(
      "/staff/sessions?notice=this-session",
    );
    expect(await redirectOf(endMySessionAction(form({ session: phone })))).toBe(
      "/staff/sessions?notice=ended",
    );
    expect((await open_(person)).sort()).toEqual([here, laptop].sort());
    expect(current.audited).toEqual([
      {
        event: "session-ended",
        object: { type: "session", id: phone },
        detail: { change: "ended by its own account", device: "Firefox on Linux" },
      },
    ]);
    expect(await redirectOf(endMyOtherSessionsAction(form({})))).toBe(
      "/staff/sessions?notice=others-ended",
    );
    expect(await open_(person)).toEqual([here]);
  });

  it("answers a save that fails in words, never a bare error", async () => {
    const person = await account("editor");
    const readOnly = await readOnlyCopy(t);
    current.db = readOnly;
    try {
      expect(await redirectOf(disableAccountAction(form({ account: person })))).toBe(
        `/staff/accounts?notice=save-failed&account=${person}`,
      );
      const invite = await inviteStaffAction(
        { answer: 0 },
        form({ email: "new@example.com", role: "editor" }),
      );
      expect(invite.error).toMatch(/^Nobody was invited: the site cannot write to its database/);
      expect(invite.values?.email).toBe("new@example.com");
    } finally {
      await readOnly.destroy();
    }
    expect((await getAccount(t.db, person))?.state).toBe("active");
    expect(current.audited).toEqual([]);
  });
});
