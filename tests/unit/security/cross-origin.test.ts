import { describe, expect, it } from "vitest";
import {
  CROSS_ORIGIN_MESSAGE,
  crossOriginRefusal,
  isCrossOriginPost,
} from "@/lib/security/cross-origin";

const post = (headers: Record<string, string>, method = "POST") =>
  isCrossOriginPost(method, new Headers(headers));

describe("a post from another site is told apart as Next.js does", () => {
  it("refuses another site, Origin: null, a malformed Origin, and a post with no host to compare", () => {
    expect(post({ origin: "https://attacker.example", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "null", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "not a url", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "https://clinic.example:8443", host: "clinic.example" })).toBe(true);
    expect(post({ origin: "https://clinic.example" })).toBe(true);
  });

  it("lets the site's own posts through, behind a proxy too, and never judges a GET", () => {
    expect(post({ origin: "https://clinic.example", host: "clinic.example" })).toBe(false);
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(false);
    expect(
      post({
        origin: "https://clinic.example",
        host: "127.0.0.1:3000",
        "x-forwarded-host": "clinic.example, proxy.internal",
      }),
    ).toBe(false);
    expect(post({ host: "clinic.example" })).toBe(false);
    expect(post({ origin: "https://attacker.example", host: "clinic.example" }, "GET")).toBe(false);
  });

  it("answers 403 with one line of text, never cached", async () => {
    const response = crossOriginRefusal();
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(CROSS_ORIGIN_MESSAGE);
  });
});
