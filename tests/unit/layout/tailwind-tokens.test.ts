import { readFileSync } from "node:fs";
import path from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import config from "@/tailwind.config";

/*
 * tailwind.config.ts is the one place for brand tokens, loaded by @config in
 * app/globals.css. Tailwind 4 ignores a token it already has a fixed utility
 * for, without a word, so each token is checked in the CSS the site ships.
 */
const root = path.resolve(__dirname, "../../..");
const extend = config.theme?.extend ?? {};

async function builtCss(): Promise<string> {
  const from = path.join(root, "app/globals.css");
  const result = await postcss([tailwind({ base: root })]).process(readFileSync(from, "utf8"), {
    from,
  });
  return result.css.replace(/\s+/g, " ");
}

describe("brand tokens in the built CSS", () => {
  it("applies every colour, font and width the config names", async () => {
    const css = await builtCss();
    // A colour token is a role variable; it applies when some rule reads it.
    for (const [name, value] of Object.entries(extend.colors ?? {})) {
      expect(css, `colour ${name}`).toContain(`: ${String(value)};`);
    }
    for (const [name, stack] of Object.entries(extend.fontFamily ?? {})) {
      expect(css, `font ${name}`).toContain(`font-family: ${(stack as string[]).join(", ")};`);
    }
    for (const [name, width] of Object.entries(extend.maxWidth ?? {})) {
      expect(css, `width ${name}`).toContain(`.max-w-${name} { max-width: ${String(width)}; }`);
    }
  });

  it("gives article text the configured measure", async () => {
    const css = await builtCss();
    const measure = String((extend.maxWidth as Record<string, string>).measure);
    expect(css).toContain(`.prose { max-width: ${measure}; }`);
  });
});
