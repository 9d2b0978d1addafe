import type { BlockContent, PhrasingContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import {
  COMPONENT_CATALOGUE,
  COMPONENT_NAMES,
  isComponentName,
  type ComponentName,
} from "@/lib/validations/component-catalogue";
import { propFields, propProblems, type PropField } from "@/lib/validations/component-fields";
import { figureText } from "@/lib/validations/figure-text";

/*
 * The visual editor's "Insert a block" form, as logic: which components it
 * offers, the fields each asks (read from the prop schema in the catalogue),
 * what is wrong with the values typed, and the block placed from them. The
 * dialog (components/staff/visual-editor/insert-block.tsx) only draws it, so
 * a unit test can show that every component's form gives text the page
 * checks accept. The browser loads this file.
 */

/** Components that sit inside a sentence; the rest are blocks of their own. */
export const INLINE_COMPONENTS: ReadonlySet<string> = new Set([
  "ClinicName",
  "PractitionerName",
  "ClinicPhone",
  "ClinicEmail",
  "EmergencyNumber",
  "Electroacupuncture",
  "Cite",
]);

/** What the form offers: every component but those that only live inside another (Question). */
export const BLOCK_CHOICES: readonly ComponentName[] = COMPONENT_NAMES.filter(
  (name) => !COMPONENT_CATALOGUE[name].inside,
);

/** Blocks that hold text start with the sentence asked for here, edited visually afterwards. */
const TEXT_FIELD: Partial<Record<ComponentName, string>> = {
  Callout: "The text of the note",
  Question: "The answer",
  Faq: "The answer",
  Steps: "The first step",
};

export function blockTextLabel(name: ComponentName): string | undefined {
  return TEXT_FIELD[name];
}

/** A prop's name in words, in the block form and on the block in the editor. */
export function fieldLabel(component: ComponentName, prop: string): string {
  const labels: Record<string, string> = {
    type: "Kind",
    title: "Title",
    q: "The question",
    source: "Source",
    alt: "Alt text",
    caption: "Caption",
    src: "Image address",
    width: "Width in pixels",
    height: "Height in pixels",
  };
  return labels[prop] ?? `${component} ${prop}`;
}

/** The component whose props a form's fields are: a new Faq is asked its first Question. */
const askedOf = (name: ComponentName): ComponentName => (name === "Faq" ? "Question" : name);

/** The fields asked before a block is placed (Figure's come from its upload: see figureProblems). */
export function blockFields(name: ComponentName): PropField[] {
  return propFields(askedOf(name));
}

/** A block to place, in the shape MDXEditor's insertJsx takes: inside a sentence, or a block. */
export type BlockInsert =
  | { kind: "text"; name: ComponentName; props: Record<string, string>; children: [] }
  | { kind: "flow"; name: ComponentName; props: Record<string, string>; children: BlockContent[] };

export type BlockAnswer = { ok: true; block: BlockInsert } | { ok: false; problems: string[] };

const paragraph = (text: string): BlockContent => ({
  type: "paragraph",
  children: [{ type: "text", value: text } as PhrasingContent],
});

/** What a block holds when placed: the sentence typed, in the shape the component holds it. */
function childrenOf(name: ComponentName, props: Record<string, string>, text: string) {
  if (name === "Faq") {
    const question: MdxJsxFlowElement = {
      type: "mdxJsxFlowElement",
      name: "Question",
      attributes: Object.entries(props).map(([key, value]) => ({
        type: "mdxJsxAttribute",
        name: key,
        value,
      })),
      children: [paragraph(text)],
    };
    return [question as BlockContent];
  }
  if (name === "Steps") {
    return [
      {
        type: "list",
        ordered: true,
        spread: false,
        children: [{ type: "listItem", spread: false, children: [paragraph(text)] }],
      } satisfies BlockContent,
    ];
  }
  return text ? [paragraph(text)] : [];
}

/**
 * The block for the values typed (each field by its prop name, the sentence
 * as `text`), or the problems, one sentence each naming the field, worded as
 * the page checks word them. Empty fields are left out of the block.
 */
export function blockFromForm(
  name: ComponentName,
  values: Readonly<Record<string, string | undefined>>,
): BlockAnswer {
  const props: Record<string, string> = {};
  const fields = name === "Figure" ? propFields("Figure") : blockFields(name);
  for (const field of fields) {
    const value = (values[field.name] ?? "").trim();
    if (value) props[field.name] = value;
  }
  const problems = propProblems(askedOf(name), props);
  const label = TEXT_FIELD[name];
  const text = (values.text ?? "").trim();
  if (label && !text) problems.push(`${label} is needed: write it here.`);
  if (problems.length > 0) return { ok: false, problems };
  if (INLINE_COMPONENTS.has(name))
    return { ok: true, block: { kind: "text", name, props, children: [] } };
  // A new Faq's values are its first Question's.
  const own = name === "Faq" ? {} : props;
  return {
    ok: true,
    block: { kind: "flow", name, props: own, children: childrenOf(name, props, text) },
  };
}

/** Where a Figure's image comes from: a file to upload, or an image already on the site. */
export type FigureImage = { from: "upload"; hasFile: boolean } | { from: "site"; src: string };

/** What the Figure form lacks before its image is uploaded or chosen: the image, alt text, a caption. */
export function figureProblems(values: {
  image: FigureImage;
  alt: string;
  caption: string;
}): string[] {
  const { image } = values;
  return [
    image.from === "upload" && !image.hasFile ? "Choose the image file to upload." : "",
    image.from === "site" && !image.src ? "Choose one of the site's images." : "",
    values.alt.trim() ? "" : "Write the alt text: what the image shows.",
    values.caption.trim() ? "" : "Write a caption: a short line under it.",
  ].filter(Boolean);
}

/** A Figure's values for an image already on the site, written as an upload's are. */
export function chosenFigureValues(
  image: { src: string; width?: number; height?: number },
  typed: { alt: string; caption: string },
): Record<string, string> {
  const values: Record<string, string> = {
    src: image.src,
    alt: figureText(typed.alt),
    caption: figureText(typed.caption),
  };
  if (image.width && image.height) {
    values.width = String(image.width);
    values.height = String(image.height);
  }
  return values;
}

/** The values in a component's text, e.g. the Figure the upload answers with (`src="…" alt="…"`). */
export function attributeValues(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

const SELF_CLOSING = /^<([A-Z][A-Za-z]*)((?:\s+\w+="[^"]*")*)\s*\/>$/;

/**
 * A component's ready-made text that closes itself (`<ClinicPhone />`,
 * `<Figure src="…" … />`) as the block to place, so one that sits inside a
 * sentence goes in the sentence; undefined for any other text.
 */
export function snippetBlock(text: string): BlockInsert | undefined {
  const match = SELF_CLOSING.exec(text.trim());
  const name = match?.[1] ?? "";
  if (!match || !isComponentName(name)) return undefined;
  const props = attributeValues(match[2] ?? "");
  return INLINE_COMPONENTS.has(name)
    ? { kind: "text", name, props, children: [] }
    : { kind: "flow", name, props, children: [] };
}
