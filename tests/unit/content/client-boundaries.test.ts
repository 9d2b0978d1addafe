import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/* Article pages must ship no JavaScript of their own: client code is allowed only in these places. */
const ALLOWED = [
  /^components\/consultation\//,
  /^components\/staff\//,
  /^app\/(global-)?error\.tsx$/,
];
const root = path.resolve(__dirname, "../../..");

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) yield* sourceFiles(rel);
    else if (/\.(tsx?|mdx)$/.test(name)) yield rel;
  }
}

describe("client JavaScript boundaries", () => {
  it('uses "use client" only in the form, the staff UI and the error boundaries', () => {
    const offenders = ["app", "components", "lib", "content"]
      .flatMap((dir) => [...sourceFiles(dir)])
      .filter((file) => /^\s*["']use client["']/m.test(readFileSync(path.join(root, file), "utf8")))
      .filter((file) => !ALLOWED.some((rule) => rule.test(file)));
    expect(offenders).toEqual([]);
  });
});
