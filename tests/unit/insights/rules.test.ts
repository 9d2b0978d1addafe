import { describe, expect, it } from "vitest";
import { notCounted, pageKey, referrerHost } from "@/lib/insights/rules";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36";
const asked = (headers: Record<string, string>) =>
  notCounted(new Headers({ "user-agent": BROWSER, ...headers }));

describe("which page requests are counted", () => {
  it("counts a person's browser", () => {
    expect(asked({})).toBeNull();
    expect(asked({ "sec-gpc": "0", dnt: "0" })).toBeNull();
  });

  it("leaves out Global Privacy Control and Do Not Track", () => {
    expect(asked({ "sec-gpc": "1" })).toBe("gpc");
    expect(asked({ dnt: "1" })).toBe("dnt");
  });

  it("leaves out bots, scripts, headless browsers and requests with no user agent", () => {
    for (const agent of [
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "curl/8.5.0",
      "Wget/1.21",
      "Mozilla/5.0 HeadlessChrome/120.0",
      "python-requests/2.31",
      "node",
      "",
    ])
      expect(asked({ "user-agent": agent }), agent).toBe("bot");
  });

  it("counts only a page opened in the browser, not the framework's fetches", () => {
    expect(asked({ "sec-fetch-dest": "document" })).toBeNull();
    expect(asked({ "sec-fetch-dest": "empty", rsc: "1" })).toBe("not-a-page-load");
  });

  it("leaves out prefetches of every kind", () => {
    expect(asked({ "next-router-prefetch": "1" })).toBe("prefetch");
    expect(asked({ purpose: "prefetch" })).toBe("prefetch");
    expect(asked({ "sec-purpose": "prefetch;prerender" })).toBe("prefetch");
    expect(asked({ "sec-fetch-dest": "document", "sec-purpose": "prefetch" })).toBe("prefetch");
  });
});

describe("the referring site", () => {
  it("keeps the host name only, for another site", () => {
    expect(referrerHost("https://www.example.org/search?q=back+pain#x", "clinic.test")).toBe(
      "example.org",
    );
    expect(referrerHost("http://news.example.com:8080/a/b", "clinic.test")).toBe(
      "news.example.com",
    );
  });

  it("keeps nothing for the site itself, a missing or odd value", () => {
    expect(referrerHost("https://clinic.test/benefits", "clinic.test")).toBeNull();
    expect(referrerHost("http://localhost:3380/x", "localhost:3380")).toBeNull();
    expect(referrerHost(null, "clinic.test")).toBeNull();
    expect(referrerHost("not a url", "clinic.test")).toBeNull();
    expect(referrerHost("android-app://com.example/", "clinic.test")).toBeNull();
  });
});

describe("page addresses", () => {
  it("are the home page and one-segment slugs, never files or the staff area", () => {
    expect(pageKey("/")).toBe("/");
    expect(pageKey("/benefits")).toBe("/benefits");
    expect(pageKey("/benefits/")).toBe("/benefits");
    expect(pageKey("/favicon.ico")).toBeNull();
    expect(pageKey("/staff")).toBeNull();
    expect(pageKey("/staff/insights")).toBeNull();
    expect(pageKey("/a/b")).toBeNull();
    // A draft shared for review is not a page of the site.
    expect(pageKey("/review/x3Jm9cQ0bN1vT7wLp2sKdY5hR8aZu4eGf6iO0qWyE-_")).toBeNull();
  });
});
