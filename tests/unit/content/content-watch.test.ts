import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContentStamp } from "@/lib/content/site/content-watch";
import { CHECK_EVERY_MS } from "@/lib/content/site/site";
import { publishTitle } from "./publish-title";
import type { Database } from "@/lib/db/types";
import { DATABASES, type TestDb } from "../db/test-databases";
import { newCacheHandler } from "../security/cache-handler-fixture";

/*
 * Two servers on one database, each with a page cache of its own: a publish
 * on the other server (here, another connection) is noticed at this server's
 * next check, and every page its cache stored before then is rendered again.
 */
const key = "/route-cache/APP_PAGE/0123abcd/$/benefits";
const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const setCtx = { isRoutePPREnabled: false, isFallback: false };
const page = (text: string) => ({
  kind: "APP_PAGE",
  html: `<html><body>${text}</body></html>`,
  rscData: Buffer.from("rsc"),
  headers: {},
  status: 200,
});

describe.each(DATABASES)("content published by another server, on $name", ({ open }) => {
  let t: TestDb;
  let otherServer: Kysely<Database>;
  const distDir = mkdtempSync(path.join(tmpdir(), "clinic-content-watch-"));
  const cache = newCacheHandler(distDir);

  beforeAll(async () => {
    t = await open();
    otherServer = t.reopen();
    // This server's first look: what it has seen so far.
    await checkContentStamp(t.db);
  });
  afterAll(async () => {
    await otherServer.destroy();
    await t.dispose();
    rmSync(distDir, { recursive: true, force: true });
  });

  const publishElsewhere = (title: string) => publishTitle(otherServer, "benefits", title);

  it("is noticed at the next check, once", async () => {
    expect(await checkContentStamp(t.db)).toBe(false);
    await publishElsewhere("First title");
    expect(await checkContentStamp(t.db)).toBe(true);
    expect(await checkContentStamp(t.db)).toBe(false);
  });

  it("makes the page cache render again what it stored before, and keep what it stores after", async () => {
    // Real time: the cache dates a page it reads from disk by the file's time.
    const later = () => new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS + 100));
    // A while after the last publish seen.
    await later();
    await cache.set(key, page("Old title"), setCtx);
    expect((await cache.get(key, getCtx))?.value.html).toContain("Old title");

    await publishElsewhere("New title");
    // Nothing is dropped before the check sees the publish.
    expect((await cache.get(key, getCtx))?.value.html).toContain("Old title");
    expect(await checkContentStamp(t.db)).toBe(true);
    expect(await cache.get(key, getCtx)).toBeNull();

    // Rendered again once the site's own loaded copy (kept up to CHECK_EVERY_MS) has been checked too.
    await later();
    await cache.set(key, page("New title"), setCtx);
    expect((await cache.get(key, getCtx))?.value.html).toContain("New title");
  });
});
