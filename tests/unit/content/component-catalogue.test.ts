import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueContext, checkComponents } from "@/lib/content/checks/component-check";
import { checkContent } from "@/lib/content/checks/check-content";
import { loadSources } from "@/lib/content/files/sources";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";
import {
  COMPONENT_CATALOGUE,
  COMPONENT_NAMES,
  parseProps,
  type ComponentName,
} from "@/lib/validations/component-catalogue";
import { guideRows } from "@/lib/validations/component-guide";

/*
 * The component catalogue is the one description of what a page may hold.
 * Its snippets and the guide's examples must pass it, wrong values must be
 * refused with a sentence that names the prop and says what to write, and
 * the guide's table must say what the catalogue says.
 */
const root = path.resolve(__dirname, "../../..");
const guide = readFileSync(path.join(root, "content/README.md"), "utf8");
const context = catalogueContext(
  loadSources(path.join(root, "content")),
  path.join(root, "public"),
);
const check = (mdx: string, ctx = context) =>
  checkComponents("body", analyseMdx(mdx), ctx).map((p) => p.message);

/** For each component, text that must be refused and what the refusal must say. */
const WRONG: Record<ComponentName, [string, RegExp][]> = {
  Callout: [
    [
      '<Callout type="tip">\n\nHi.\n\n</Callout>',
      /^line 1: Callout type must be "note" or "warning" \(you wrote "tip"\)$/,
    ],
    [
      "<Callout type>\n\nHi.\n\n</Callout>",
      /Callout type must be "note" or "warning" \(you wrote it with no value\)/,
    ],
    [
      '<Callout colour="red">\n\nHi.\n\n</Callout>',
      /Callout does not take colour: it takes type and title/,
    ],
    ['<Callout title="">\n\nHi.\n\n</Callout>', /Callout title must not be empty/],
  ],
  Question: [
    ["<Faq>\n<Question>\n\nAnswer.\n\n</Question>\n</Faq>", /Question q is needed: the question/],
    ['<Question q="Why?">\n\nAnswer.\n\n</Question>', /Question must be inside <Faq>/],
  ],
  Faq: [["<Faq>\n\nSome text.\n\n</Faq>", /Faq holds only <Question>/]],
  Steps: [["<Steps>\n\n- a bullet\n\n</Steps>", /Steps holds one numbered list/]],
  Cite: [
    [
      'A claim <Cite source="cochrane-202" />.',
      /Cite source is not in content\/sources\.yaml \(did you mean cochrane-2020\?\)/,
    ],
    ["A claim <Cite />.", /Cite source is needed: a key from content\/sources\.yaml/],
  ],
  Figure: [
    [
      '<Figure src="javascript:alert(1)" alt="A room" caption="Ours." />',
      /Figure src must be an image on this site/,
    ],
    [
      '<Figure src="/illustrations/nowhere.svg" alt="A room" caption="Ours." />',
      /Figure src is not on this site/,
    ],
    [
      '<Figure src="/illustrations/session.svg" caption="Ours." />',
      /Figure alt is needed: describe what the image shows/,
    ],
    ['<Figure src="/illustrations/session.svg" alt="A room" />', /Figure caption is needed/],
    [
      '<Figure src="/illustrations/session.svg" alt="Describe the image" caption="Ours." />',
      /Figure alt is still the example text: describe what the image shows/,
    ],
    [
      '<Figure src="/illustrations/session.svg" alt="A room" caption="A caption." />',
      /Figure caption is still the example text/,
    ],
    [
      `<Figure src="/media/${"a".repeat(64)}.jpg" alt="A room" caption="Ours." />`,
      /Figure needs width and height in pixels/,
    ],
    [
      '<Figure src="/illustrations/session.svg" alt="A room" caption="Ours." width="wide" height="1" />',
      /Figure width must be a whole number of pixels.*\(you wrote "wide"\)/,
    ],
    [
      '<Figure src="/illustrations/session.svg" alt="A room" caption="Ours." width="0" height="1" />',
      /Figure width must be at least 1 pixel/,
    ],
    [
      '<Figure src="/illustrations/session.svg" alt="A room" caption="Ours." width="99999" height="1" />',
      /Figure width must be at most 10000 pixels/,
    ],
  ],
  ConsultationCta: [],
  ClinicName: [],
  PractitionerName: [],
  ClinicPhone: [],
  ClinicEmail: [],
  EmergencyNumber: [],
  ClinicDetails: [],
  OpeningHours: [],
  GettingHere: [],
  RedFlags: [],
  Electroacupuncture: [],
};

describe("the component catalogue", () => {
  it.each(COMPONENT_NAMES)("accepts the %s snippet, which the editor inserts", (name) => {
    const { snippet } = COMPONENT_CATALOGUE[name];
    const wrapped = name === "Question" ? `<Faq>\n${snippet}</Faq>\n` : snippet;
    const problems = check(wrapped);
    if (name === "Figure") {
      // Its example alt text and caption are there to be replaced: refused until they are.
      expect(problems).toEqual([
        expect.stringMatching(
          /Figure alt is still the example text: describe what the image shows/,
        ),
        expect.stringMatching(/Figure caption is still the example text/),
      ]);
      expect(
        check(
          wrapped
            .replace(/alt="[^"]*"/, 'alt="A room"')
            .replace(/caption="[^"]*"/, 'caption="Ours."'),
        ),
      ).toEqual([]);
    } else {
      expect(problems).toEqual([]);
    }
  });

  it.each(COMPONENT_NAMES)(
    "refuses wrong values and contents for %s, saying what to write",
    (name) => {
      const cases = [...WRONG[name]];
      if (COMPONENT_CATALOGUE[name].holds === "nothing" && name !== "Figure" && name !== "Cite")
        cases.push(
          [
            `<${name} size="big" />`,
            new RegExp(`${name} does not take size: it takes no values: write <${name} />`),
          ],
          [`<${name}>\n\nText.\n\n</${name}>`, new RegExp(`${name} holds nothing`)],
        );
      expect(cases.length).toBeGreaterThan(0);
      for (const [mdx, message] of cases)
        expect(check(mdx)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    },
  );

  it("accepts every example in content/README.md", () => {
    const examples = [...guide.matchAll(/```mdx\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    expect(examples.length).toBeGreaterThan(8);
    const named = new Set(
      examples.flatMap((e) => [...e.matchAll(/<([A-Z]\w*)/g)].map((m) => m[1])),
    );
    // The guide shows files a staff member would add to public/, which this checkout does not have.
    const guideImages = {
      ...context,
      imageExists: (src: string) => src.startsWith("/illustrations/"),
    };
    for (const example of examples)
      expect([example, check(example, guideImages)]).toEqual([example, []]);
    for (const name of ["Callout", "Figure", "Faq", "Question", "Steps", "Cite", "RedFlags"])
      expect(named).toContain(name);
  });

  it("passes every page in content/", () => {
    const report = checkContent({ now: new Date("2026-12-01T00:00:00Z") });
    expect(report.errors).toEqual([]);
    expect(report.entries.length).toBeGreaterThan(5);
  });

  it("gives renderers typed values and stops a value that slipped past the checks", () => {
    const figure = parseProps("Figure", {
      src: "/a.png",
      alt: "A",
      caption: "B",
      width: "1200",
      height: "800",
    });
    expect(figure.width).toBe(1200);
    expect(parseProps("Callout", {}).type).toBe("note");
    expect(() => parseProps("Callout", { type: "tip" })).toThrow(
      'Callout type must be "note" or "warning" (you wrote "tip")',
    );
  });

  it("is the table in content/README.md, row for row", () => {
    const start = guide.indexOf("<!-- component-table");
    expect(start).toBeGreaterThan(-1);
    const rows = guide
      .slice(start)
      .split("\n")
      .slice(2)
      .filter(
        (line, i, all) => line.startsWith("|") && all.slice(0, i).every((l) => l.startsWith("|")),
      )
      .slice(2)
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim().replaceAll("`", "")),
      );
    expect(rows).toEqual(guideRows());
  });
});
