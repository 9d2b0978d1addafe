import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isStaffSessionRevoked,
  pruneRevokedStaffSessions,
  revokeStaffSession,
} from "@/lib/db/staff-sessions";
import { DATABASES, type TestDb } from "../db/test-databases";

const now = new Date("2026-03-01T12:00:00.000Z");
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe.each(DATABASES)("signed-out staff sessions on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t.dispose());

  it("remembers a signed-out session, and only that one", async () => {
    await revokeStaffSession(t.db, "nonce-a", inHours(8));
    await revokeStaffSession(t.db, "nonce-a", inHours(8));
    expect(await isStaffSessionRevoked(t.db, "nonce-a")).toBe(true);
    expect(await isStaffSessionRevoked(t.db, "nonce-b")).toBe(false);
  });

  it("forgets revocations once the token would have expired anyway", async () => {
    await revokeStaffSession(t.db, "nonce-old", inHours(1));
    await pruneRevokedStaffSessions(t.db, inHours(2));
    expect(await isStaffSessionRevoked(t.db, "nonce-old")).toBe(false);
    expect(await isStaffSessionRevoked(t.db, "nonce-a")).toBe(true);
  });
});
