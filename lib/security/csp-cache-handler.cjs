/*
 * Next.js's page cache, with a Content-Security-Policy attached to every page
 * it holds. A prerendered page's inline scripts (React's hydration data) are
 * known the moment the page is cached, so the policy lists their SHA-256
 * hashes and needs neither 'unsafe-inline' nor a per-request nonce, and the
 * page stays static. The header is stored with the page: a page regenerated
 * after a publish (revalidatePath) gets the hashes of its new scripts, at the
 * moment its new HTML is cached, and a reader never gets new HTML with old
 * hashes. Plain CommonJS: Next.js loads this file at run time, unbundled.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { createHash, randomBytes } = require("node:crypto");
const { readdirSync, rmSync } = require("node:fs");
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const {
  SharedCacheControls,
} = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external");
const { directives } = require("./csp.json");

// Inline <script> elements that run: no src, and not a data block such as JSON-LD.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const DATA_BLOCK = /\stype="(?!text\/javascript|module)[^"]*"/i;

function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (DATA_BLOCK.test(attributes) || body === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function policyFor(html) {
  const production = process.env.NODE_ENV === "production";
  const script = ["'self'", ...inlineScriptHashes(html), ...(production ? [] : ["'unsafe-eval'"])];
  return [...directives, `script-src ${script.join(" ")}`].join("; ");
}

function withPolicy(value) {
  if (value && value.kind === "APP_PAGE" && typeof value.html === "string") {
    value.headers = { ...value.headers, "content-security-policy": policyFor(value.html) };
  }
  return value;
}

const isNotFound = (value) =>
  Boolean(value) &&
  (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE") &&
  value.status === 404;

/*
 * The page cache belongs to the database its pages were rendered from, and a
 * running server has exactly one: the one it opened at start. So each start
 * keeps its pages in a folder of its own (route-cache/<start>/ in the build's
 * server folder) and removes what earlier starts left there. A server started
 * on an empty database, or on a restored backup, never serves a page, menu or
 * clinic detail rendered from the database before; it renders each page again
 * on its first visit. The build's own prerendered pages are bypassed for the
 * same reason: they were rendered from whatever database the build saw.
 * `next build` itself is left alone. The start's name is kept on globalThis,
 * so every copy of this module in the process shares one cache.
 */
const SCOPE = Symbol.for("clinic-site.page-cache-scope");
const ROUTE_CACHE = "/route-cache/";

function startScope(serverDistDir) {
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  if (!globalThis[SCOPE]) {
    const name = `start-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
    globalThis[SCOPE] = name;
    const root = path.join(serverDistDir, ROUTE_CACHE);
    let earlier = [];
    try {
      earlier = readdirSync(root).filter((entry) => entry !== name);
    } catch {
      // No page cached yet.
    }
    for (const entry of earlier) rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  return globalThis[SCOPE];
}

/*
 * Servers that share one database each keep a page cache of their own. A
 * publish on another server is noticed by lib/content/site/content-watch.ts,
 * which records when it noticed under this symbol; a page this cache stored
 * before then is treated as absent, so it is rendered again, from the new
 * content, on its next visit.
 */
const CONTENT_CHANGED_AT = Symbol.for("clinic-site.content-changed-at");

const outdated = (entry) => entry.lastModified < (globalThis[CONTENT_CHANGED_AT] ?? 0);

class CspCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    this.scope = startScope(ctx.serverDistDir);
  }

  scoped(key) {
    return this.scope && key.startsWith(ROUTE_CACHE)
      ? `${ROUTE_CACHE}${this.scope}/${key.slice(ROUTE_CACHE.length)}`
      : key;
  }

  async get(key, ...rest) {
    const entry = await super.get(this.scoped(key), ...rest);
    if (entry && key.startsWith(ROUTE_CACHE) && outdated(entry)) return null;
    if (entry && entry.value) withPolicy(entry.value);
    return entry;
  }

  /*
   * Any one-segment address reaches the article route (pages made in the
   * browser after the build are rendered on their first visit), and Next.js
   * would keep each "not found" answer: about 75 KB and 7 files on disk plus
   * memory per random address, so a flood of made-up addresses filled the
   * disk. A 404 is kept only where it replaces a page this cache holds (a
   * deleted page must not go on being served stale); otherwise it is
   * rendered again when asked for, which costs what any page's render does.
   */
  async set(key, data, ctx) {
    withPolicy(data);
    if (isNotFound(data) && !this.holds(this.scoped(key), data.kind)) {
      // Next.js remembered the answer's lifetime under this key before asking us to store it.
      SharedCacheControls.cacheControls.delete(key);
      return;
    }
    return super.set(this.scoped(key), data, ctx);
  }

  holds(key, kind) {
    if (FileSystemCache.memoryCache && FileSystemCache.memoryCache.has(key)) return true;
    return this.fs.existsSync(
      this.getFilePath(`${key}${kind === "APP_ROUTE" ? ".body" : ".html"}`, kind),
    );
  }
}

module.exports = CspCacheHandler;
module.exports.inlineScriptHashes = inlineScriptHashes;
module.exports.policyFor = policyFor;
