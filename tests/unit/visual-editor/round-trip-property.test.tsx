// @vitest-environment jsdom
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";
import { checkComponents } from "@/lib/content/checks/component-check";
import { blockKeys, keepUnchangedBlocks } from "@/lib/content/visual/keep-blocks";
import { COMPONENT_CATALOGUE, COMPONENT_NAMES } from "@/lib/validations/component-catalogue";
import { throughEditor } from "./through-editor";

/*
 * Over generated pages (headings, paragraphs with bold, italic and links,
 * lists, tables, every catalogue component with valid values, components
 * inside components): parse → edit model → serialise → parse gives the same
 * tree, a second trip gives the same text, and the saved text passes the
 * catalogue's checks.
 */

const SOURCES = ["cochrane-2020", "acp-2017"];
const context = {
  sourceKeys: SOURCES,
  imageExists: (src: string) => src.startsWith("/illustrations/"),
  suggest: () => "",
};

const word = fc.constantFrom("back", "pain", "needles", "rest", "walk", "sleep", "doctor", "calm");
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
const sentence = words.map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}.`);

const inline = fc.oneof(
  words,
  words.map((w) => `**${w}**`),
  words.map((w) => `_${w}_`),
  fc
    .tuple(words, fc.constantFrom("/tips", "/consultation", "https://example.org/guide"))
    .map(([w, href]) => `[${w}](${href})`),
  fc.constantFrom("<ClinicPhone />", "<ClinicName />", "<EmergencyNumber />"),
  fc.constantFrom(...SOURCES).map((key) => `<Cite source="${key}" />`),
);
const paragraph = fc
  .array(inline, { minLength: 1, maxLength: 4 })
  .map((parts) => `${parts.join(" ")}.`);
const heading = fc.tuple(fc.constantFrom("##", "###"), words).map(([h, w]) => `${h} ${w}`);
const list = fc
  .tuple(fc.boolean(), fc.array(paragraph, { minLength: 1, maxLength: 3 }))
  .map(([ordered, items]) =>
    items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${item}`).join("\n"),
  );
const table = fc
  .tuple(words, words, fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 2 }))
  .map(
    ([a, b, rows]) =>
      `| ${a} | ${b} |\n| --- | --- |\n${rows.map(([c, d]) => `| ${c} | ${d} |`).join("\n")}`,
  );
const simpleBlock = fc.oneof(paragraph, heading, list, table);

/** Every component of the catalogue, with valid values and, where it holds some, children. */
const component: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("note", "warning"),
      fc.option(words),
      fc.array(simpleBlock, { minLength: 1, maxLength: 2 }),
    )
    .map(
      ([type, title, inner]) =>
        `<Callout type="${type}"${title ? ` title="${title}"` : ""}>\n\n${inner.join("\n\n")}\n\n</Callout>`,
    ),
  fc
    .array(fc.tuple(sentence, paragraph), { minLength: 1, maxLength: 2 })
    .map(
      (qs) =>
        `<Faq>\n${qs.map(([q, a]) => `<Question q="${q.replace(/\.$/, "?")}">\n\n${a}\n\n</Question>`).join("\n")}\n</Faq>`,
    ),
  fc
    .array(paragraph, { minLength: 1, maxLength: 3 })
    .map((steps) => `<Steps>\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join("\n")}\n\n</Steps>`),
  fc
    .tuple(sentence, sentence)
    .map(
      ([alt, caption]) =>
        `<Figure src="/illustrations/tips.svg" alt="${alt}" caption="${caption}" />`,
    ),
  fc.constantFrom(
    ...COMPONENT_NAMES.filter(
      (n) => COMPONENT_CATALOGUE[n].holds === "nothing" && !["Cite", "Figure"].includes(n),
    ).map((n) => `<${n} />`),
  ),
);

const page = fc
  .array(fc.oneof(simpleBlock, component), { minLength: 1, maxLength: 6 })
  .map((blocks) => `${blocks.join("\n\n")}\n`);

describe("the visual editor over generated pages", () => {
  it("covers every component in the catalogue", () => {
    const seen = new Set<string>();
    fc.sample(page, 300).forEach((text) =>
      analyseMdx(text).components.forEach((c) => seen.add(c.name)),
    );
    expect([...seen].sort()).toEqual([...COMPONENT_NAMES].sort());
  });

  it("parse → edit model → serialise → parse is stable, and the text passes the checks", async () => {
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        const first = await throughEditor(text);
        expect(first.errors).toEqual([]);
        expect(blockKeys(first.out)).toEqual(blockKeys(text));
        const second = await throughEditor(first.out);
        expect(second.out).toBe(first.out);
        expect(keepUnchangedBlocks(text, first.out)).toBe(text);
        expect(checkComponents("generated", analyseMdx(first.out), context)).toEqual([]);
      }),
      {
        numRuns: 25,
        // Found by this property: two lists a blank line apart are one loose list, which the
        // editor writes tight; the same list, kept as it was written.
        examples: [
          [
            '- _back_.\n\n- back.\n\n<Faq>\n<Question q="Back?">\n\n[back](/tips).\n\n</Question>\n</Faq>\n',
          ],
        ],
      },
    );
  }, 120_000);
});
