import { beforeEach, describe, expect, it } from "vitest";
import { drainTally, recordView, restoreTally, saltOfDay } from "@/lib/insights/tally";

const at = (path: string) => new URL(path, "http://clinic.test");
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36";
const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 11, d, hour));
const visit = (headers: Record<string, string> = {}) =>
  new Headers({
    "user-agent": BROWSER,
    host: "clinic.test",
    "x-clinic-peer": "10.0.0.1 sig",
    ...headers,
  });

describe("the tally of views in memory", () => {
  beforeEach(() => void drainTally(day(1)));

  it("counts a visitor's view of a page once a day, and each page and visitor apart", () => {
    expect(recordView(at("/benefits"), visit(), day(1, 9))).toBe(true);
    expect(recordView(at("/benefits"), visit(), day(1, 10))).toBe(false);
    expect(recordView(at("/"), visit(), day(1, 10))).toBe(true);
    expect(
      recordView(at("/benefits"), visit({ "x-clinic-peer": "10.0.0.2 sig" }), day(1, 11)),
    ).toBe(true);
    expect(
      recordView(at("/benefits"), visit({ "sec-gpc": "1", "x-clinic-peer": "10.0.0.3 s" })),
    ).toBe(false);
    expect(recordView(at("/favicon.ico"), visit({ "x-clinic-peer": "10.0.0.4 s" }), day(1))).toBe(
      false,
    );
    expect(recordView(at("/tips"), visit({ "sec-fetch-dest": "empty" }), day(1))).toBe(false);
    const { views } = drainTally(day(1));
    expect(Object.fromEntries(views)).toEqual({ "2026-12-01 /benefits": 2, "2026-12-01 /": 1 });
    expect(drainTally(day(1)).views.size).toBe(0);
  });

  it("keeps the referring site's host only, and none for the site's own links", () => {
    recordView(at("/a"), visit({ referer: "https://www.search.example/?q=neck" }), day(1));
    recordView(at("/b"), visit({ referer: "https://clinic.test/a" }), day(1));
    const { referrers, views } = drainTally(day(1));
    expect(Object.fromEntries(referrers)).toEqual({ "2026-12-01 search.example": 1 });
    expect(views.size).toBe(2);
  });

  it("rotates the salt each UTC day, so the same visitor counts again the next day", () => {
    const first = saltOfDay(day(2, 1));
    expect(saltOfDay(day(2, 23))).toBe(first);
    expect(recordView(at("/c"), visit(), day(2, 1))).toBe(true);
    expect(recordView(at("/c"), visit(), day(3, 1))).toBe(true);
    expect(saltOfDay(day(3, 1))).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const { views } = drainTally(day(3));
    expect(Object.fromEntries(views)).toEqual({ "2026-12-02 /c": 1, "2026-12-03 /c": 1 });
  });

  it("puts back counts that could not be stored", () => {
    recordView(at("/d"), visit(), day(4));
    const taken = drainTally(day(4));
    recordView(at("/d"), visit({ "x-clinic-peer": "10.9.9.9 s" }), day(4));
    restoreTally(taken, day(4));
    expect(Object.fromEntries(drainTally(day(4)).views)).toEqual({ "2026-12-04 /d": 2 });
  });
});
