import { createHash } from "node:crypto";
import { promises as fs, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

type Entry = { value: { kind: string; html: string; headers?: Record<string, string> } } | null;
type Handler = {
  get(key: string, ctx: object): Promise<Entry>;
  set(key: string, data: object, ctx: object): Promise<void>;
};
const require = createRequire(import.meta.url);
const CspCacheHandler = require("../../../lib/security/csp-cache-handler.cjs") as {
  new (ctx: object): Handler;
  inlineScriptHashes(html: string): string[];
};

const sha = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const page = (script: string) =>
  `<html><head><script src="/_next/static/chunk.js" async=""></script></head><body>` +
  `<script type="application/ld+json">{"@type":"MedicalClinic"}</script>` +
  `<script>${script}</script></body></html>`;

describe("the page cache attaches a CSP with the hashes of each page's inline scripts", () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "clinic-cache-"));
  afterAll(() => rmSync(distDir, { recursive: true, force: true }));
  const cacheFs = {
    existsSync,
    readFile: (f: string) => fs.readFile(f),
    readFileSync,
    writeFile: (f: string, d: string | Buffer) => fs.writeFile(f, d),
    mkdir: (d: string) => fs.mkdir(d, { recursive: true }),
    stat: (f: string) => fs.stat(f),
  };
  const handler = () =>
    new CspCacheHandler({
      fs: cacheFs,
      serverDistDir: distDir,
      flushToDisk: true,
      revalidatedTags: [],
    });
  const setCtx = { isRoutePPREnabled: false, isFallback: false, tags: [] };
  const getCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false, tags: [] };
  const store = (html: string) =>
    handler().set(
      "/benefits",
      { kind: "APP_PAGE", html, rscData: Buffer.from("rsc"), headers: {}, status: 200 },
      setCtx,
    );
  const policy = async () =>
    (await handler().get("/benefits", getCtx))?.value.headers?.["content-security-policy"] ?? "";

  it("hashes inline scripts only: not external ones, not JSON-LD data blocks", () => {
    expect(CspCacheHandler.inlineScriptHashes(page("self.__next_f.push([1])"))).toEqual([
      sha("self.__next_f.push([1])"),
    ]);
  });

  it("follows a page regenerated after a publish, never mixing old hashes with new HTML", async () => {
    await store(page("self.__next_f.push(['first version'])"));
    const first = await policy();
    expect(first).toContain(`script-src 'self' ${sha("self.__next_f.push(['first version'])")}`);
    expect(first.split(";").find((d) => d.includes("script-src"))).not.toContain("unsafe-inline");
    expect(first).toContain("frame-ancestors 'none'");

    await store(page("self.__next_f.push(['published from the editor'])"));
    const second = await policy();
    expect(second).toContain(sha("self.__next_f.push(['published from the editor'])"));
    expect(second).not.toContain(sha("self.__next_f.push(['first version'])"));
  });
});
