// @vitest-environment jsdom
import { insertJsx$, MDXEditor, realmPlugin, type MDXEditorMethods } from "@mdxeditor/editor";
import { act, createRef } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { editorPlugins, TO_MARKDOWN } from "@/components/staff/visual-editor/plugins";
import { checkComponents } from "@/lib/content/checks/component-check";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";
import {
  BLOCK_CHOICES,
  blockFields,
  blockFromForm,
  blockTextLabel,
  chosenFigureValues,
  figureProblems,
  attributeValues,
  snippetBlock,
  type BlockInsert,
} from "@/lib/content/visual/block-form";
import { COMPONENT_CATALOGUE, type ComponentName } from "@/lib/validations/component-catalogue";

/*
 * Every component the "Insert a block" form offers, filled in as a
 * receptionist would, is placed by the real editor (MDXEditor in jsdom,
 * through the same insertJsx the dialog calls) and saved: the saved text
 * passes the catalogue's checks and holds the values typed. Left empty, each
 * required field is named in the message.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const context = {
  sourceKeys: ["cochrane-2020", "acp-2017"],
  imageExists: (src: string) => src.startsWith("/illustrations/"),
  suggest: () => "",
};

/** What a person types in each field; a new prop without a sample fails the test by name. */
const SAMPLES: Record<string, string> = {
  title: "Before your first visit",
  q: "Does it hurt?",
  source: "acp-2017",
  src: "/illustrations/tips.svg",
  alt: "A person stretching their lower back",
  caption: "A gentle stretch between sessions.",
  width: "640",
  height: "480",
  text: "Bring a list of the medicines you take.",
};

function filledIn(name: ComponentName): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of blockFields(name)) {
    const sample = field.choices?.at(-1) ?? SAMPLES[field.name];
    if (sample === undefined) throw new Error(`No sample value for ${name}'s "${field.name}"`);
    values[field.name] = sample;
  }
  if (name === "Figure") Object.assign(values, attributeValues(figureText()));
  if (blockTextLabel(name)) values.text = SAMPLES.text ?? "";
  return values;
}

/** The Figure text the upload answers with, as /staff/editor-image writes it. */
const figureText = () =>
  `<Figure src="${SAMPLES.src}" alt="${SAMPLES.alt}" caption="${SAMPLES.caption}" width="640" height="480" />`;

/** The page text after the block is placed in the real editor (at its end, where the cursor is). */
async function placed(block: BlockInsert, page = "An opening paragraph.\n"): Promise<string> {
  const ref = createRef<MDXEditorMethods>();
  let publish: ((value: BlockInsert) => void) | undefined;
  const capture = realmPlugin({
    init(realm) {
      publish = (value) => realm.pub(insertJsx$, value);
    },
  });
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <MDXEditor
        ref={ref}
        markdown={page}
        plugins={[...editorPlugins(), capture()]}
        toMarkdownOptions={TO_MARKDOWN}
        trim={false}
      />,
    );
  });
  await act(async () => {
    publish?.(block);
    // The editor places it once it has focus and selects it on the next tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  const out = ref.current?.getMarkdown() ?? "";
  await act(async () => root.unmount());
  host.remove();
  return out;
}

describe("the Insert a block form", () => {
  it("offers every component but the ones that only live inside another", () => {
    expect(BLOCK_CHOICES).toContain("Callout");
    expect(BLOCK_CHOICES).toContain("Figure");
    expect(BLOCK_CHOICES).not.toContain("Question");
    for (const name of BLOCK_CHOICES) expect(COMPONENT_CATALOGUE[name].inside).toBeUndefined();
  });

  it.each(BLOCK_CHOICES)(
    "%s, filled in, is placed as text that passes its checks",
    async (name) => {
      const values = filledIn(name);
      const answer = blockFromForm(name, values);
      if (!answer.ok) throw new Error(answer.problems.join("; "));
      const out = await placed(answer.block);

      const analysis = analyseMdx(out);
      expect(analysis.unsafe).toEqual([]);
      expect(checkComponents("placed", analysis, context)).toEqual([]);
      expect(out.startsWith("An opening paragraph.")).toBe(true);
      const use = analysis.components.find((c) => c.name === name);
      expect(use, `${name} in:\n${out}`).toBeDefined();
      // Each value typed is in the saved text; the sentence typed too, for blocks that hold text.
      for (const field of blockFields(name)) expect(out).toContain(`"${values[field.name]}"`);
      if (blockTextLabel(name)) expect(analysis.text).toContain(SAMPLES.text);
    },
    20_000,
  );

  it.each(BLOCK_CHOICES.filter((n) => blockFields(n).some((f) => f.required)))(
    "%s with a required field left empty names that field and places nothing",
    (name) => {
      for (const field of blockFields(name).filter((f) => f.required)) {
        const answer = blockFromForm(name, { ...filledIn(name), [field.name]: "  " });
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(answer.problems.join(" ")).toContain(field.name);
      }
    },
  );

  it.each(BLOCK_CHOICES.filter((n) => blockTextLabel(n)))(
    "%s without its sentence asks for it",
    (name) => {
      const answer = blockFromForm(name, { ...filledIn(name), text: "" });
      expect(answer).toEqual({
        ok: false,
        problems: [`${blockTextLabel(name)} is needed: write it here.`],
      });
    },
  );

  it("refuses a value the checks refuse, in the checks' words", () => {
    const answer = blockFromForm("Callout", { type: "danger", text: "Careful." });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.problems.join(" ")).toMatch(/type.*note.*warning/);
  });

  it("asks a Figure for its file, alt text and caption before uploading", () => {
    expect(
      figureProblems({ image: { from: "upload", hasFile: false }, alt: " ", caption: "" }),
    ).toEqual([
      "Choose the image file to upload.",
      "Write the alt text: what the image shows.",
      "Write a caption: a short line under it.",
    ]);
    expect(
      figureProblems({
        image: { from: "upload", hasFile: true },
        alt: "A stretch",
        caption: "Daily.",
      }),
    ).toEqual([]);
  });

  it("takes an image already on the site, with its size, the alt text and caption typed", async () => {
    expect(
      figureProblems({ image: { from: "site", src: "" }, alt: "A stretch", caption: "Daily." }),
    ).toEqual(["Choose one of the site's images."]);
    const values = chosenFigureValues(
      { src: "/illustrations/tips.svg", width: 640, height: 480 },
      { alt: ' A  "gentle" stretch ', caption: "Daily." },
    );
    expect(values).toEqual({
      src: "/illustrations/tips.svg",
      alt: "A “gentle” stretch",
      caption: "Daily.",
      width: "640",
      height: "480",
    });
    const answer = blockFromForm("Figure", values);
    if (!answer.ok) throw new Error(answer.problems.join("; "));
    const out = await placed(answer.block);
    expect(checkComponents("placed", analyseMdx(out), context)).toEqual([]);
    expect(out).toContain(
      '<Figure src="/illustrations/tips.svg" alt="A “gentle” stretch" caption="Daily." width="640" height="480" />',
    );
    // An illustration without a size in its file goes in without one.
    expect(chosenFigureValues({ src: "/illustrations/x.svg" }, { alt: "X", caption: "Y" })).toEqual(
      { src: "/illustrations/x.svg", alt: "X", caption: "Y" },
    );
  });

  it("places a one-tag component from the list beside the editor as its block, in the sentence for a fact", () => {
    expect(snippetBlock("<ClinicPhone />")).toEqual({
      kind: "text",
      name: "ClinicPhone",
      props: {},
      children: [],
    });
    expect(snippetBlock(COMPONENT_CATALOGUE.Figure.snippet)).toMatchObject({
      kind: "flow",
      name: "Figure",
      props: { alt: "Describe what the image shows" },
    });
    expect(snippetBlock(COMPONENT_CATALOGUE.Callout.snippet)).toBeUndefined();
    expect(snippetBlock('<Script src="x" />')).toBeUndefined();
    expect(snippetBlock("Words <ClinicPhone />")).toBeUndefined();
  });
});
