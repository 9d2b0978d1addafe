import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  SESSION_HOURS,
  sessionCookieOptions,
  signSession,
  verifySession,
} from "@/lib/staff/session";

const key = randomBytes(32);
const start = new Date("2025-03-01T09:00:00.000Z");
const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);

describe("staff session tokens", () => {
  it("verifies a fresh token and reports when it expires", () => {
    const session = verifySession(signSession(key, start), key, hours(1));
    expect(session?.issuedAt.toISOString()).toBe(start.toISOString());
    expect(session?.expiresAt.toISOString()).toBe(hours(SESSION_HOURS).toISOString());
  });

  it("expires after 8 hours", () => {
    const token = signSession(key, start);
    expect(verifySession(token, key, hours(7.99))).not.toBeNull();
    expect(verifySession(token, key, hours(8))).toBeNull();
  });

  it("refuses a token signed with another key", () => {
    expect(verifySession(signSession(randomBytes(32), start), key, start)).toBeNull();
  });

  it("refuses a token whose expiry was edited", () => {
    const [version, issued, , nonce, mac] = signSession(key, start).split(".");
    const stretched = [version, issued, hours(1000).getTime(), nonce, mac].join(".");
    expect(verifySession(stretched, key, hours(9))).toBeNull();
  });

  it("ends 8 hours after issue even when a validly signed token claims a later expiry", () => {
    const payload = ["v1", start.getTime(), hours(24 * 30).getTime(), "nonce-nonce"].join(".");
    const mac = createHmac("sha256", key).update(payload).digest("base64url");
    const longLived = `${payload}.${mac}`;
    expect(verifySession(longLived, key, hours(1))).toBeNull();
    expect(verifySession(longLived, key, hours(9))).toBeNull();
  });

  it("refuses missing, malformed and truncated tokens without throwing", () => {
    const token = signSession(key, start);
    for (const bad of [
      undefined,
      "",
      "abc",
      "v1.1.2.3.",
      token.slice(0, -2),
      `${token}x`,
      "x".repeat(500),
    ]) {
      expect(verifySession(bad, key, start)).toBeNull();
    }
  });

  it("refuses a token issued in the future", () => {
    expect(verifySession(signSession(key, hours(2)), key, start)).toBeNull();
  });

  it("makes each token different", () => {
    expect(signSession(key, start)).not.toBe(signSession(key, start));
  });
});

describe("session cookie options", () => {
  it("is HttpOnly, SameSite=Strict, 8 hours, and Secure only in production", () => {
    expect(sessionCookieOptions(true)).toMatchObject({
      httpOnly: true,
      sameSite: "strict",
      secure: true,
      maxAge: 8 * 3600,
    });
    expect(sessionCookieOptions(false).secure).toBe(false);
  });
});
