import { gzipSync } from "node:zlib";

/*
 * What an article costs in JavaScript beyond the framework: the scripts its
 * HTML loads that the 404 page (the same layout, no content) does not, gzipped
 * as a server would send them. Shared by the Playwright check and
 * `npm run bench:pages`.
 */
async function scriptUrls(base: string, path: string): Promise<Set<string>> {
  const html = await (await fetch(`${base}${path}`)).text();
  return new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? ""));
}

export async function extraScriptBytes(
  base: string,
  path: string,
): Promise<{ files: string[]; gzipBytes: number }> {
  const [page, notFound] = await Promise.all([
    scriptUrls(base, path),
    // Two segments, so no page route can claim it: the framework's own 404, not an
    // article route answering "not found" for a slug nobody has published yet.
    scriptUrls(base, "/no/such-page"),
  ]);
  const files = [...page].filter((src) => !notFound.has(src));
  let gzipBytes = 0;
  for (const src of files) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    gzipBytes += gzipSync(body).length;
  }
  return { files, gzipBytes };
}
