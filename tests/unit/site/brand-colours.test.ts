import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRAND_COLOURS } from "@/lib/seo/brand-colours";

/** The `--color-*` variables of the first block in `css` that starts with `opening`. */
function variables(css: string, opening: string): Record<string, string> {
  const start = css.indexOf(opening);
  const block = css.slice(start, css.indexOf("}", start));
  const found: Record<string, string> = {};
  for (const match of block.matchAll(/--color-([a-z-]+):\s*(#[0-9a-fA-F]{3,8});/g)) {
    const camel = (match[1] ?? "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    found[camel] = (match[2] ?? "").toLowerCase();
  }
  return found;
}

describe("brand colours outside CSS", () => {
  const css = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8");

  it("are the values app/globals.css sets, in the light and the dark scheme", () => {
    const light = variables(css, ":root {");
    const dark = variables(css, "@media screen and (prefers-color-scheme: dark)");
    expect(Object.keys(light).length).toBeGreaterThan(5);
    expect(Object.keys(dark).length).toBeGreaterThan(5);
    for (const [name, value] of Object.entries(BRAND_COLOURS.light))
      expect({ name, value }).toEqual({ name, value: light[name] });
    for (const [name, value] of Object.entries(BRAND_COLOURS.dark))
      expect({ name, value }).toEqual({ name, value: dark[name] });
  });
});
