import { describe, expect, it } from "vitest";
import { checkBody, checkLinks } from "@/lib/content/checks/check-file";
import { didYouMean } from "@/lib/content/checks/did-you-mean";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";

describe("didYouMean", () => {
  const components = ["Callout", "ConsultationCta", "Faq", "Question", "Steps", "Figure"];

  it("suggests the nearest name for a slip of the keyboard or of case", () => {
    expect(didYouMean("Callot", components)).toBe(" (did you mean Callout?)");
    expect(didYouMean("figure", components)).toBe(" (did you mean Figure?)");
    expect(didYouMean("/benefit", ["/benefits", "/tips", "/about"])).toBe(
      " (did you mean /benefits?)",
    );
  });

  it("suggests nothing for a name that is not close to any", () => {
    expect(didYouMean("Carousel", components)).toBe("");
    expect(didYouMean("Fax", components)).toBe("");
    expect(didYouMean("/pricing", ["/benefits", "/tips", "/about"])).toBe("");
  });
});

describe("content check suggestions", () => {
  const analysis = analyseMdx(
    ["---", "title: T", "---", "", "<Callot>Hi</Callot>", "", "[more](/benefit)"].join("\n"),
  );

  it("names the component a typo was probably meant to be", () => {
    expect(checkBody("page.mdx", analysis, "public").map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^unknown component <Callot> \(line 5, column 1\) \(did you mean Callout\?\): use/,
      ),
    ]);
  });

  it("names the page a broken link was probably meant for", () => {
    const routes = { live: new Set(["/", "/benefits", "/tips"]), drafts: new Set<string>() };
    expect(checkLinks("page.mdx", analysis, routes, false)).toEqual([
      {
        file: "page.mdx",
        message:
          'link "/benefit" (line 7) points at a page that does not exist (did you mean /benefits?)',
      },
    ]);
  });
});
