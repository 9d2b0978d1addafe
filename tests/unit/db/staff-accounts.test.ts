import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changeRole,
  countAccounts,
  disableAccount,
  enableAccount,
  findAccountForSignIn,
  findLink,
  getAccount,
  inviteAccount,
  listAccounts,
  requestPasswordReset,
  resendInvite,
  resetAccount,
  revokeInvite,
  redeemLink,
} from "@/lib/db/staff-accounts";
import { createSession, findSession } from "@/lib/db/staff-sessions";
import type { Role } from "@/lib/validations/permissions";
import { issueToken, TOKEN_HOURS } from "@/lib/staff/tokens";
import { DATABASES, type TestDb } from "./test-databases";

const start = new Date("2026-12-02T09:00:00.000Z");
const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);

describe.each(DATABASES)("staff accounts on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  async function invite(email: string, role: Role = "owner", now = start) {
    const token = issueToken(now);
    const result = await inviteAccount(t.db, { email, role, token, now });
    if (!result.ok) throw new Error(`${email} exists`);
    return { account: result.account, token };
  }

  async function activate(email: string, role: Role = "owner") {
    const { account, token } = await invite(email, role);
    await redeemLink(t.db, token.hash, { name: email, passwordHash: "$argon2id$x", now: start });
    return account;
  }

  async function sessionOf(accountId: string, id: string) {
    await createSession(t.db, {
      id,
      tokenHash: `hash-${id}`,
      accountId,
      stage: "full",
      userAgent: "Firefox on Linux",
      clientHash: "c",
      now: start,
      expiresAt: hours(8),
    });
  }

  it("invites an account by an address compared case-insensitively", async () => {
    const before = await countAccounts(t.db);
    const { account } = await invite("  Owner@Example.COM ");
    expect(account).toMatchObject({
      email: "owner@example.com",
      role: "owner",
      state: "invited",
      name: "",
    });
    expect(await countAccounts(t.db)).toBe(before + 1);
    expect((await findAccountForSignIn(t.db, "OWNER@example.com"))?.id).toBe(account.id);

    // The same address again, in another case: a fresh link for the same account, not a second one.
    const again = await inviteAccount(t.db, {
      email: "owner@EXAMPLE.com",
      role: "practitioner",
      name: "Olive",
      token: issueToken(start),
      now: start,
    });
    expect(again).toMatchObject({
      ok: true,
      account: { id: account.id, role: "practitioner", name: "Olive" },
    });
    expect(await countAccounts(t.db)).toBe(before + 1);
  });

  it("uses a link once, within 72 hours, and a newer link replaces an older one", async () => {
    expect(TOKEN_HOURS).toBe(72);
    const { account, token: first } = await invite("links@example.com", "editor");
    const second = issueToken(hours(1));
    expect(await resendInvite(t.db, account.id, second, hours(1))).toBe(true);
    expect(await findLink(t.db, first.hash, hours(1))).toBeUndefined();
    expect(
      await redeemLink(t.db, first.hash, { name: "X", passwordHash: "h", now: hours(1) }),
    ).toBeUndefined();

    expect((await findLink(t.db, second.hash, hours(72.9)))?.account.id).toBe(account.id);
    expect(await findLink(t.db, second.hash, hours(73.1))).toBeUndefined();
    expect(
      await redeemLink(t.db, second.hash, { name: "Late", passwordHash: "h", now: hours(73.1) }),
    ).toBeUndefined();

    const third = issueToken(hours(2));
    await resendInvite(t.db, account.id, third, hours(2));
    const used = await redeemLink(t.db, third.hash, {
      name: "Eda Editor",
      passwordHash: "hash-1",
      now: hours(3),
    });
    expect(used).toMatchObject({ id: account.id, name: "Eda Editor", state: "active" });
    expect((await findAccountForSignIn(t.db, "links@example.com"))?.passwordHash).toBe("hash-1");
    // Single use: the same link again does nothing.
    expect(
      await redeemLink(t.db, third.hash, { name: "Again", passwordHash: "hash-2", now: hours(3) }),
    ).toBeUndefined();
    expect((await getAccount(t.db, account.id))?.name).toBe("Eda Editor");
    // An active account is not invited again.
    const exists = await inviteAccount(t.db, {
      email: "LINKS@example.com",
      role: "owner",
      token: issueToken(start),
      now: start,
    });
    expect(exists).toMatchObject({ ok: false, reason: "exists" });
    expect(await resendInvite(t.db, account.id, issueToken(start), start)).toBe(false);
  });

  it("two posts of the same link: only one sets the password", async () => {
    const { token } = await invite("race@example.com", "editor");
    const results = await Promise.all(
      ["a", "b", "c"].map((p) =>
        redeemLink(t.db, token.hash, { name: p, passwordHash: p, now: start }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("revokes an invitation not yet used, never an active account", async () => {
    const { account } = await invite("revoked@example.com", "front-desk");
    expect(await revokeInvite(t.db, account.id)).toBe(true);
    expect(await getAccount(t.db, account.id)).toBeUndefined();
    const active = await activate("kept@example.com", "front-desk");
    expect(await revokeInvite(t.db, active.id)).toBe(false);
    expect(await getAccount(t.db, active.id)).toBeDefined();
  });

  it("a reset ends the password and every session, and its link sets a new password", async () => {
    const account = await activate("reset@example.com", "practitioner");
    await sessionOf(account.id, "reset-1");
    const token = issueToken(hours(1));
    expect(await resetAccount(t.db, account.id, token, hours(1))).toBe(true);
    expect((await findAccountForSignIn(t.db, "reset@example.com"))?.passwordHash).toBeNull();
    expect((await findSession(t.db, "hash-reset-1"))?.endedAt).toBe(hours(1).toISOString());
    expect((await findLink(t.db, token.hash, hours(2)))?.purpose).toBe("reset");
    await redeemLink(t.db, token.hash, { name: "Pat", passwordHash: "new-hash", now: hours(2) });
    expect((await findAccountForSignIn(t.db, "reset@example.com"))?.passwordHash).toBe("new-hash");
  });

  it("a forgotten-password link leaves the password working until it is used, then ends other sessions", async () => {
    const account = await activate("forgot@example.com", "editor");
    await sessionOf(account.id, "forgot-1");
    const token = issueToken(start);
    expect(await requestPasswordReset(t.db, account.id, token, start)).toBe(true);
    // Asked again at once: no second link (and no second email).
    expect(await requestPasswordReset(t.db, account.id, issueToken(start), start)).toBe(false);
    expect((await findAccountForSignIn(t.db, "forgot@example.com"))?.passwordHash).toBe(
      "$argon2id$x",
    );
    expect((await findSession(t.db, "hash-forgot-1"))?.endedAt).toBeNull();
    await redeemLink(t.db, token.hash, { name: "Fo", passwordHash: "fresh", now: hours(1) });
    expect(await findSession(t.db, "hash-forgot-1")).toMatchObject({
      endedAt: hours(1).toISOString(),
    });
  });

  it("disabling ends the sessions and the link, and the last active owner cannot be disabled or demoted", async () => {
    const { db } = t;
    const owners = (await listAccounts(db)).filter(
      (a) => a.role === "owner" && a.state === "active",
    );
    for (const owner of owners) await changeRole(db, owner.id, "editor", start);
    const only = await activate("only-owner@example.com", "owner");
    expect(await disableAccount(db, only.id, start)).toBe("last-owner");
    expect(await changeRole(db, only.id, "editor", start)).toBe("last-owner");

    const second = await activate("second-owner@example.com", "owner");
    await sessionOf(second.id, "second-1");
    expect(await disableAccount(db, second.id, hours(1))).toBe("ok");
    expect(await getAccount(db, second.id)).toMatchObject({ state: "disabled" });
    expect(await findSession(db, "hash-second-1")).toMatchObject({
      endedAt: hours(1).toISOString(),
      account: { state: "disabled" },
    });
    expect(await disableAccount(db, second.id, hours(1))).toBe("not-found");
    expect(await resetAccount(db, second.id, issueToken(start), start)).toBe(false);

    expect(await enableAccount(db, second.id, hours(2))).toBe(true);
    expect(await getAccount(db, second.id)).toMatchObject({ state: "active" });
    expect(await changeRole(db, only.id, "front-desk", hours(2))).toBe("ok");
    expect(await getAccount(db, only.id)).toMatchObject({ role: "front-desk" });

    // An invitation disabled before it was used comes back as an invitation.
    const { account: invited, token } = await invite("never-set-up@example.com", "editor");
    expect(await disableAccount(db, invited.id, start)).toBe("ok");
    expect(await findLink(db, token.hash, start)).toBeUndefined();
    expect(await enableAccount(db, invited.id, start)).toBe(true);
    expect(await getAccount(db, invited.id)).toMatchObject({ state: "invited" });
  });

  it("lists accounts with any pending link", async () => {
    const { account } = await invite("listed@example.com", "editor", hours(5));
    const listed = (await listAccounts(t.db)).find((a) => a.id === account.id);
    expect(listed).toMatchObject({
      email: "listed@example.com",
      state: "invited",
      linkPurpose: "invite",
      linkExpiresAt: hours(5 + 72).toISOString(),
    });
  });
});
