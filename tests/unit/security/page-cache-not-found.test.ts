import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newCacheHandler } from "./cache-handler-fixture";

/*
 * Any one-segment address reaches the article route, so the page cache must
 * not keep what it answers for addresses the site does not have: a flood of
 * made-up addresses filled the disk with cached 404s (and memory with their
 * lifetimes). A 404 that replaces a page the cache holds is kept, so a deleted
 * page stops being served.
 */
const require = createRequire(import.meta.url);
const { SharedCacheControls } =
  require("next/dist/server/lib/incremental-cache/shared-cache-controls.external") as {
    SharedCacheControls: { cacheControls: Map<string, unknown> };
  };

const distDir = mkdtempSync(path.join(tmpdir(), "clinic-cache-404-"));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

// As `next start` runs it: answers are kept in memory too.
const handler = () => newCacheHandler(distDir, { maxMemoryCacheSize: 50 * 1024 * 1024 });
const key = (slug: string) => `/route-cache/APP_PAGE/0123abcd/$/${slug}`;
const setCtx = { isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate: 60 } };
const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const answer = (status: number, text: string) => ({
  kind: "APP_PAGE",
  html: `<html><body><h1>${text}</h1><script>self.__next_f.push([1])</script></body></html>`,
  rscData: Buffer.from("rsc"),
  headers: {} as Record<string, string>,
  status,
});
const storedFiles = () =>
  readdirSync(distDir, { recursive: true }).filter((f) => String(f).endsWith(".html"));

describe("the page cache keeps no answer for an address the site does not have", () => {
  it("a flood of unknown addresses stores nothing, on disk or in memory, yet each 404 has its policy", async () => {
    const cache = handler();
    for (let i = 0; i < 200; i++) {
      const slug = `made-up-${i}`;
      // As Next.js does: it records the lifetime, then asks the handler to store the answer.
      SharedCacheControls.cacheControls.set(key(slug), { revalidate: 60 });
      const notFound = answer(404, "Page not found");
      await cache.set(key(slug), notFound, setCtx);
      expect(notFound.headers["content-security-policy"]).toContain("script-src 'self' 'sha256-");
      expect(await cache.get(key(slug), getCtx)).toBeNull();
      expect(SharedCacheControls.cacheControls.has(key(slug))).toBe(false);
    }
    expect(storedFiles()).toEqual([]);
  });

  it("a page is stored, and a 404 replacing it (a deleted page) is stored too", async () => {
    const cache = handler();
    await cache.set(key("treatment"), answer(200, "Treatment"), setCtx);
    expect((await cache.get(key("treatment"), getCtx))?.value.status).toBe(200);

    await cache.set(key("treatment"), answer(404, "Page not found"), setCtx);
    const after = await cache.get(key("treatment"), getCtx);
    expect(after?.value.status).toBe(404);
    expect(after?.value.html).toContain("Page not found");
  });
});
