import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCounts, dailySince, pruneInsights, totalsSince } from "@/lib/db/insights";
import { countRequestPage, flushInsights, requestPage } from "@/lib/insights/flush";
import { drainTally, recordView } from "@/lib/insights/tally";
import { DATABASES, type TestDb } from "../db/test-databases";

const at = (path: string) => new URL(path, "http://clinic.test");
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36";
const today = () => new Date().toISOString().slice(0, 10);

describe.each(DATABASES)("daily insight counts on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("adds to a day's row, from two servers at once, and reads totals and days", async () => {
    const second = t.reopen();
    try {
      const row = (day: string, key: string, count: number) => [{ day, key, count }];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          addCounts(i % 2 ? second : t.db, "views", row("2026-12-01", "/benefits", 1)),
        ),
      );
      await addCounts(t.db, "views", row("2026-12-02", "/benefits", 3));
      await addCounts(second, "views", row("2026-12-02", "/tips", 5));
      await addCounts(t.db, "views", row("2026-11-01", "/tips", 7));
    } finally {
      await second.destroy();
    }
    expect(await totalsSince(t.db, "views", "2026-12-01")).toEqual([
      { key: "/benefits", count: 13 },
      { key: "/tips", count: 5 },
    ]);
    expect(await dailySince(t.db, "views", "2026-12-01")).toEqual([
      { day: "2026-12-01", key: "/benefits", count: 10 },
      { day: "2026-12-02", key: "/benefits", count: 3 },
      { day: "2026-12-02", key: "/tips", count: 5 },
    ]);
  });

  it("prunes the days before a given day from every table, and keeps the rest", async () => {
    for (const kind of ["views", "referrers", "requestPages"] as const) {
      await addCounts(t.db, kind, [
        { day: "2024-01-01", key: "/old", count: 1 },
        { day: "2024-01-02", key: "/kept", count: 2 },
      ]);
    }
    expect(await pruneInsights(t.db, "2024-01-02")).toBe(3);
    for (const kind of ["views", "referrers", "requestPages"] as const) {
      const days = await dailySince(t.db, kind, "2024-01-01");
      expect(days.filter((d) => d.day < "2024-01-03")).toEqual([
        { day: "2024-01-02", key: "/kept", count: 2 },
      ]);
    }
  });

  it("flushes the views in memory, keeping published pages and referring hosts only", async () => {
    drainTally();
    const headers = (peer: string, referer?: string) =>
      new Headers({
        "user-agent": BROWSER,
        host: "clinic.test",
        // The day's de-duplication is the process's: each database's run has its own visitors.
        "x-clinic-peer": `${t.kind}-${peer} s`,
        ...(referer ? { referer } : {}),
      });
    recordView(at("/about"), headers("1.1.1.1", "https://social.example/post/1"));
    recordView(at("/about"), headers("1.1.1.2"));
    recordView(at("/about"), headers("1.1.1.2"));
    recordView(at("/wp-login"), headers("1.1.1.3"));
    const counted = await flushInsights(t.db, async () => new Set(["/", "/about"]));
    expect(counted).toEqual({ views: 1, referrers: 1 });
    expect(await totalsSince(t.db, "views", today())).toEqual([{ key: "/about", count: 2 }]);
    expect(await totalsSince(t.db, "referrers", today())).toEqual([
      { key: "social.example", count: 1 },
    ]);
    expect(await flushInsights(t.db, async () => new Set(["/about"]))).toEqual({
      views: 0,
      referrers: 0,
    });
  });

  it("keeps the counts in memory when the database refuses them", async () => {
    drainTally();
    recordView(
      at("/about"),
      new Headers({ "user-agent": BROWSER, "x-clinic-peer": `${t.kind}-9 s` }),
    );
    const failing = () => Promise.reject(new Error("content unavailable"));
    await expect(flushInsights(t.db, failing)).rejects.toThrow("content unavailable");
    await flushInsights(t.db, async () => new Set(["/about"]));
    expect(await totalsSince(t.db, "views", today())).toEqual([{ key: "/about", count: 3 }]);
  });

  it("counts a request under the page the form was opened from, or unknown", async () => {
    const known = new Set(["/", "/benefits"]);
    const now = new Date("2026-12-03T10:00:00Z");
    for (const given of ["/benefits", "/benefits", "/evil?x=1", 42, undefined])
      await countRequestPage(t.db, requestPage(given, known), now);
    expect(await totalsSince(t.db, "requestPages", "2026-12-03")).toEqual([
      { key: "unknown", count: 3 },
      { key: "/benefits", count: 2 },
    ]);
  });
});
