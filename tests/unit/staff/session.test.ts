import { describe, expect, it } from "vitest";
import type { SessionRecord } from "@/lib/db/staff-sessions";
import {
  cookieTokenHash,
  newSessionToken,
  SESSION_HOURS,
  sessionCookieOptions,
  sessionEnd,
  sessionVerdict,
  shortenUserAgent,
} from "@/lib/staff/session";

const start = new Date("2026-12-02T09:00:00.000Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function record(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: "s",
    accountId: "a",
    createdAt: start.toISOString(),
    lastSeenAt: start.toISOString(),
    expiresAt: sessionEnd(start).toISOString(),
    stage: "full",
    userAgent: "Firefox on Linux",
    endedAt: null,
    account: { name: "Sam", email: "sam@example.com", role: "editor", state: "active" },
    ...overrides,
  };
}

describe("whether a staff session still opens the staff area", () => {
  it("ends after STAFF_IDLE_MINUTES without a request, counted from the last one", () => {
    expect(sessionVerdict(record(), minutes(29.9), 30)).toBe("open");
    expect(sessionVerdict(record(), minutes(30), 30)).toBe("idle");
    const seen = record({ lastSeenAt: minutes(25).toISOString() });
    expect(sessionVerdict(seen, minutes(54), 30)).toBe("open");
    expect(sessionVerdict(seen, minutes(55), 30)).toBe("idle");
    expect(sessionVerdict(record(), minutes(0.2), 0.25)).toBe("open");
    expect(sessionVerdict(record(), minutes(0.25), 0.25)).toBe("idle");
  });

  it(`ends ${SESSION_HOURS} hours after sign-in however active, even if its row says later`, () => {
    expect(SESSION_HOURS).toBe(8);
    const busy = record({ lastSeenAt: minutes(479).toISOString() });
    expect(sessionVerdict(busy, minutes(479.9), 30)).toBe("open");
    expect(sessionVerdict(busy, minutes(480), 30)).toBe("expired");
    const stretched = record({
      lastSeenAt: minutes(600).toISOString(),
      expiresAt: minutes(24 * 60).toISOString(),
    });
    expect(sessionVerdict(stretched, minutes(601), 30)).toBe("expired");
  });

  it("ends when signed out or ended, and when its account is disabled", () => {
    expect(sessionVerdict(record({ endedAt: minutes(1).toISOString() }), minutes(2), 30)).toBe(
      "ended",
    );
    const disabled = record({ account: { ...record().account, state: "disabled" } });
    expect(sessionVerdict(disabled, minutes(1), 30)).toBe("account-off");
  });
});

describe("the session cookie", () => {
  it("carries a random token of which only the hash is looked up", () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a.token).not.toBe(b.token);
    expect(cookieTokenHash(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
    expect(cookieTokenHash(undefined)).toBeNull();
    expect(cookieTokenHash("v1.123.456.nonce.mac")).toBeNull();
    expect(cookieTokenHash(`${a.token}x`)).toBeNull();
  });

  it("is HttpOnly, SameSite=Strict, limited to /staff and Secure in production", () => {
    expect(sessionCookieOptions(true)).toEqual({
      httpOnly: true,
      sameSite: "strict",
      secure: true,
      path: "/staff",
      maxAge: 8 * 60 * 60,
    });
    expect(sessionCookieOptions(false).secure).toBe(false);
  });
});

describe("the device a session is shown with", () => {
  it("names the browser and system, never the whole header", () => {
    const firefox =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    expect(shortenUserAgent(firefox)).toBe("Firefox on Windows");
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    expect(shortenUserAgent(iphone)).toBe("Safari on iPhone or iPad");
    const edge =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    expect(shortenUserAgent(edge)).toBe("Edge on Mac");
    expect(shortenUserAgent(null)).toBe("A browser on an unknown system");
  });
});
