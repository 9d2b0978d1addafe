import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newCacheHandler } from "./cache-handler-fixture";

/*
 * The page cache belongs to the database it was rendered from: each start of
 * the server has its own, and a new start (on another database, a restored
 * backup) reads nothing an earlier one stored and removes it. A new start is
 * what a new process is: no scope on globalThis yet.
 */
const SCOPE = Symbol.for("clinic-site.page-cache-scope");

const distDir = mkdtempSync(path.join(tmpdir(), "clinic-cache-scope-"));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
const handler = () => newCacheHandler(distDir);
const newStart = () => delete (globalThis as { [SCOPE]?: string })[SCOPE];
const key = "/route-cache/APP_PAGE/0123abcd/$/only-in-first";
const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const page = {
  kind: "APP_PAGE",
  html: "<html><body>Only in the first database</body></html>",
  rscData: Buffer.from("rsc"),
  headers: {},
  status: 200,
};

describe("the page cache of one start is not read by the next", () => {
  it("a page stored before a restart is neither served nor left on disk after it", async () => {
    newStart();
    await handler().set(key, page, { isRoutePPREnabled: false, isFallback: false });
    expect((await handler().get(key, getCtx))?.value.html).toContain("Only in the first");
    const [firstStart] = readdirSync(path.join(distDir, "route-cache"));

    newStart();
    expect(await handler().get(key, getCtx)).toBeNull();
    expect(readdirSync(path.join(distDir, "route-cache"))).not.toContain(firstStart);
  });

  it("`next build` keeps Next.js's own keys", async () => {
    newStart();
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      await handler().set(key, page, { isRoutePPREnabled: false, isFallback: false });
    } finally {
      delete process.env.NEXT_PHASE;
    }
    expect(existsSync(path.join(distDir, `${key}.html`))).toBe(true);
  });
});
