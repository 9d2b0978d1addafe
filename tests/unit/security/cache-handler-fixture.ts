import { promises as fs, existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

/*
 * The site's page cache handler (lib/security/csp-cache-handler.cjs), built
 * the way `next start` builds it, over a build folder of the test's own.
 */
export type CacheValue = {
  kind: string;
  html: string;
  status: number;
  headers?: Record<string, string>;
};
export type CacheHandler = {
  get(key: string, ctx: object): Promise<{ value: CacheValue } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
};

const require = createRequire(import.meta.url);
const CspCacheHandler = require("../../../lib/security/csp-cache-handler.cjs") as {
  new (ctx: object): CacheHandler;
};

export function newCacheHandler(serverDistDir: string, options: object = {}): CacheHandler {
  return new CspCacheHandler({
    fs: {
      existsSync,
      readFile: (f: string, encoding?: BufferEncoding) => fs.readFile(f, encoding),
      readFileSync,
      writeFile: (f: string, d: string | Buffer) => fs.writeFile(f, d),
      mkdir: (d: string) => fs.mkdir(d, { recursive: true }),
      stat: (f: string) => fs.stat(f),
    },
    serverDistDir,
    flushToDisk: true,
    revalidatedTags: [],
    ...options,
  });
}
