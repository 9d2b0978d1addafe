import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ROUTE_NAMES, RESERVED_SLUGS, slugProblem } from "@/lib/content/checks/slug";

/*
 * The first path segments app/ answers, read from the folder itself: every
 * folder (route groups looked into, dynamic segments and private folders
 * skipped) and every metadata file. Files that answer no address of their own
 * are listed, so a new kind of file in app/ fails here until it is sorted.
 */
const APP_DIR = path.join(__dirname, "../../../app");
const NO_ADDRESS = new Set([
  "page",
  "layout",
  "template",
  "error",
  "global-error",
  "not-found",
  "forbidden",
  "unauthorized",
  "loading",
  "default",
  "globals",
]);
const METADATA = new Set([
  "favicon",
  "icon",
  "apple-icon",
  "opengraph-image",
  "twitter-image",
  "robots",
  "sitemap",
  "manifest",
]);

function answeredNames(dir: string): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith("(") && entry.endsWith(")")) {
        const inner = answeredNames(full);
        names.push(...inner.names);
        unknown.push(...inner.unknown);
      } else if (!entry.startsWith("[") && !entry.startsWith("_")) {
        // "requests.csv" answers /requests.csv: its first word is the address a page would take.
        names.push(entry.split(".")[0] ?? entry);
      }
      continue;
    }
    const base = entry.replace(/\.[^.]+$/, "");
    if (METADATA.has(base)) names.push(base);
    else if (!NO_ADDRESS.has(base)) unknown.push(entry);
  }
  return { names, unknown };
}

describe("the reserved page addresses", () => {
  const { names, unknown } = answeredNames(APP_DIR);

  it("every file at the top of app/ is a known kind", () => {
    expect(unknown, "a file in app/ this test does not know: sort it into a list above").toEqual(
      [],
    );
  });

  it("cover every route and metadata file app/ answers", () => {
    expect(names).toContain("healthz");
    expect(names).toContain("apple-icon");
    const missing = names.filter((name) => !RESERVED_SLUGS.has(name));
    expect(missing, "add these to APP_ROUTE_NAMES in lib/content/checks/slug.ts").toEqual([]);
  });

  it("list nothing app/ no longer answers", () => {
    expect(APP_ROUTE_NAMES.filter((name) => !names.includes(name))).toEqual([]);
  });

  it("are refused as addresses, with a message that says why", () => {
    for (const slug of ["healthz", "apple-icon", "staff", "media", "index", "sitemap"])
      expect(slugProblem(slug)).toMatch(/used by the site itself/);
    for (const slug of ["../x", "a/b", "Foo Bar", "", "x.mdx"])
      expect(slugProblem(slug)).toMatch(/lower-case words joined by hyphens/);
    expect(slugProblem("new-topic")).toBeUndefined();
  });
});
