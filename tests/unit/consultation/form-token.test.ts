import { describe, expect, it } from "vitest";
import { spamReason } from "@/lib/consultation/submit";
import { createFormToken, verifyFormToken } from "@/lib/consultation/token";

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const rendered = new Date("2025-01-01T12:00:00Z");
const after = (seconds: number) => new Date(rendered.getTime() + seconds * 1000);
const FORM = "k".repeat(36);

describe("signed form token", () => {
  const token = createFormToken(key, rendered, FORM);

  it("accepts a token filled at human speed", () => {
    expect(verifyFormToken(token, key, after(30), 3, FORM)).toBe("ok");
    expect(verifyFormToken(token, key, after(3), 3, FORM)).toBe("ok");
  });

  it("flags a form sent faster than the minimum fill time", () => {
    expect(verifyFormToken(token, key, after(2.9), 3, FORM)).toBe("too-fast");
    expect(verifyFormToken(token, key, after(0), 0, FORM)).toBe("ok");
  });

  it("flags a token older than a day", () => {
    expect(verifyFormToken(token, key, after(24 * 3600), 3, FORM)).toBe("ok");
    expect(verifyFormToken(token, key, after(24 * 3600 + 1), 3, FORM)).toBe("expired");
  });

  it("refuses tampered, foreign and malformed tokens", () => {
    const [version, , signature] = token.split(".");
    const backdated = `${version}.${rendered.getTime() - 60_000}.${signature}`;
    expect(verifyFormToken(backdated, key, after(30), 3, FORM)).toBe("bad-signature");
    expect(verifyFormToken(token, otherKey, after(30), 3, FORM)).toBe("bad-signature");
    for (const bad of [
      "",
      "v1",
      "v1.abc.def",
      `v1.${rendered.getTime()}.${signature}`,
      `${token}x`,
    ]) {
      expect(verifyFormToken(bad, key, after(30), 3, FORM)).toBe("bad-signature");
    }
  });
});

describe("spam checks", () => {
  const options = { tokenKey: key, minFillSeconds: 3 };
  const meta = {
    token: createFormToken(key, rendered, FORM),
    key: "k".repeat(36),
    honeypot: "",
    from: "",
  };

  it("passes a normal form", () => expect(spamReason(meta, options, after(30))).toBeNull());
  it("catches a filled honeypot", () =>
    expect(spamReason({ ...meta, honeypot: "http://spam" }, options, after(30))).toBe("honeypot"));
  it("catches a missing idempotency key", () =>
    expect(spamReason({ ...meta, key: "" }, options, after(30))).toBe("no-key"));
  it("catches a bad token", () =>
    expect(spamReason({ ...meta, token: "forged" }, options, after(30))).toBe("bad-signature"));
  it("catches a fast bot", () => expect(spamReason(meta, options, after(1))).toBe("too-fast"));
  it("catches one token reused with another idempotency key", () => {
    const reused = { ...meta, key: "another-key-another-key-another-key0" };
    expect(spamReason(reused, options, after(30))).toBe("bad-signature");
  });
});
