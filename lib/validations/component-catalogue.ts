import { z } from "zod";
import {
  describeIssues,
  oneOf,
  pixels,
  said,
  words,
  type CatalogueContext,
} from "./component-props";

/*
 * The MDX components staff may use, described once, as the consultation form
 * is in consultation-fields.ts. Each entry says what the component is for,
 * what it holds, its props as a zod schema and the ready-made text the editor
 * inserts. From this list come the checks (content:check, the editor,
 * publish), the renderer's prop types (mdx-components.tsx), the editor's list
 * of components and the table in content/README.md (a test compares them).
 * Values that depend on the site (source keys, images) come in a context at
 * check time, so the browser can load this file.
 */

export type { CatalogueContext } from "./component-props";

/**
 * What may sit between the opening and closing tag: nothing (the tag closes
 * itself), text and Markdown, a numbered list, or only certain components.
 */
export type Holds = "nothing" | "text" | "numbered list" | { only: readonly string[] };

interface Entry<S extends z.ZodObject> {
  use: string;
  holds: Holds;
  /** The component that must surround this one. */
  inside?: string;
  /** Without a context, the shape only: what rendering needs. */
  props: (context?: CatalogueContext) => S;
  snippet: string;
}

const entry = <S extends z.ZodObject>(e: Entry<S>) => e;
const noProps = () => z.strictObject({});
const fact = (use: string, snippet: string) =>
  entry({ use, holds: "nothing", props: noProps, snippet });

/** The example text the Figure snippet and the upload page give; a page still carrying it is refused. */
export const FIGURE_PLACEHOLDER = { alt: "Describe what the image shows", caption: "A caption." };
const PLACEHOLDERS = [FIGURE_PLACEHOLDER.alt, FIGURE_PLACEHOLDER.caption, "Describe the image"];
const isPlaceholder = (v: string) =>
  PLACEHOLDERS.some(
    (p) => p.replace(/\.$/, "").toLowerCase() === v.replace(/\.$/, "").toLowerCase(),
  );

/** An image on this site: an upload (/media/…), an illustration (/illustrations/…) or another path. */
const IMAGE_PATH = /^\/(?!\/)(?!.*\.\.)[^\s:?#\\]+\.(svg|png|jpe?g|webp|avif|gif)$/i;

function figureProps(context?: CatalogueContext) {
  const described = (what: string, words_: ReturnType<typeof words>) =>
    context
      ? words_.refine((v) => !isPlaceholder(v), `is still the example text: ${what}`)
      : words_;
  const src = z
    .string(said("is needed: the image's address", "must be the image's address in double quotes"))
    .regex(IMAGE_PATH, {
      message:
        "must be an image on this site: an upload (/media/…), an illustration (/illustrations/…) or another path starting with /",
      abort: true,
    });
  return z
    .strictObject({
      src: context
        ? src.refine(
            (v) => context.imageExists(v),
            "is not on this site: upload the image under Images and paste its Figure text, or put the file in public/",
          )
        : src,
      alt: described(
        "describe what the image shows",
        words("describe what the image shows, for people who cannot see it"),
      ),
      caption: described("write what the image is about", words("a short line shown under it")),
      width: pixels().optional(),
      height: pixels().optional(),
    })
    .refine((p) => /\.svg$/i.test(p.src) || (p.width !== undefined && p.height !== undefined), {
      message:
        'needs width and height in pixels, like width="1200" height="800": the upload page gives them (only SVG drawings are sized automatically)',
    });
}

export const COMPONENT_CATALOGUE = {
  Callout: entry({
    use: "A highlighted box: type note or warning",
    holds: "text",
    props: () =>
      z.strictObject({
        type: oneOf(["note", "warning"]).default("note"),
        title: words("a short title").optional(),
      }),
    snippet: '<Callout type="note" title="A short title">\n\nThe text of the note.\n\n</Callout>\n',
  }),
  ConsultationCta: entry({
    use: "A box inviting people to book",
    holds: "nothing",
    props: noProps,
    snippet: "<ConsultationCta />\n",
  }),
  Faq: entry({
    use: "Questions and answers (holds Question)",
    holds: { only: ["Question"] },
    props: noProps,
    snippet: '<Faq>\n<Question q="The question?">\n\nThe answer.\n\n</Question>\n</Faq>\n',
  }),
  Question: entry({
    use: "One question, inside Faq",
    holds: "text",
    inside: "Faq",
    props: () => z.strictObject({ q: words('the question, like q="Does acupuncture hurt?"') }),
    snippet: '<Question q="The question?">\n\nThe answer.\n\n</Question>\n',
  }),
  Steps: entry({
    use: "A numbered sequence",
    holds: "numbered list",
    props: noProps,
    snippet: "<Steps>\n\n1. First step.\n2. Next step.\n\n</Steps>\n",
  }),
  Figure: entry({
    use: "An image with alt text and a caption",
    holds: "nothing",
    props: figureProps,
    snippet: figureSnippet({ src: "/illustrations/session.svg" }),
  }),
  ClinicName: fact("The clinic's name", "<ClinicName />"),
  PractitionerName: fact("The practitioner's name", "<PractitionerName />"),
  ClinicPhone: fact("The phone number, as a link", "<ClinicPhone />"),
  ClinicEmail: fact("The email address, as a link", "<ClinicEmail />"),
  EmergencyNumber: fact("The emergency number", "<EmergencyNumber />"),
  ClinicDetails: fact("Address, phone, email, licence", "<ClinicDetails />\n"),
  OpeningHours: fact("The opening hours", "<OpeningHours />\n"),
  GettingHere: fact("Directions", "<GettingHere />\n"),
  RedFlags: fact("The warning signs, each with what to do", "<RedFlags />\n"),
  Cite: entry({
    use: "Points at a source from content/sources.yaml",
    holds: "nothing",
    props: (context?: CatalogueContext) => {
      const key = words('a key from content/sources.yaml, like source="cochrane-2020"');
      return z.strictObject({
        source: context
          ? key.refine((v) => context.sourceKeys.includes(v), {
              error: (issue) =>
                `is not in content/sources.yaml${context.suggest(String(issue.input), context.sourceKeys)}: use one of its keys, or add the source there first`,
            })
          : key,
      });
    },
    snippet: '<Cite source="cochrane-2020" />',
  }),
  Electroacupuncture: fact("Whether the clinic uses electroacupuncture", "<Electroacupuncture />"),
};

export type ComponentName = keyof typeof COMPONENT_CATALOGUE;
export const COMPONENT_NAMES = Object.keys(COMPONENT_CATALOGUE) as ComponentName[];

/** The props a component's renderer receives: the schema's output, plus what it holds. */
export type ComponentProps<N extends ComponentName> = z.output<
  ReturnType<(typeof COMPONENT_CATALOGUE)[N]["props"]>
>;

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENT_CATALOGUE, name);
}

/** The Figure text to paste into a page; alt and caption stay examples until staff write their own. */
export function figureSnippet(image: { src: string; width?: number; height?: number }): string {
  const size =
    image.width && image.height ? ` width="${image.width}" height="${image.height}"` : "";
  return `<Figure src="${image.src}" alt="${FIGURE_PLACEHOLDER.alt}" caption="${FIGURE_PLACEHOLDER.caption}"${size} />\n`;
}

/** Problems with a component's attributes, each a sentence naming the component and the prop. */
export function checkProps(
  name: ComponentName,
  attributes: Record<string, unknown>,
  context?: CatalogueContext,
): string[] {
  const schema = COMPONENT_CATALOGUE[name].props(context);
  const result = schema.safeParse(attributes);
  if (result.success) return [];
  return describeIssues(name, attributes, result.error, propNames(name));
}

/** The values a component takes, as the guide and the messages name them. */
export function propNames(name: ComponentName): string[] {
  return Object.keys(COMPONENT_CATALOGUE[name].props().shape);
}

/** Props checked for rendering; a value that slipped past the checks stops here, with its reason. */
export function parseProps<N extends ComponentName>(
  name: N,
  attributes: Record<string, unknown>,
): ComponentProps<N> {
  const result = COMPONENT_CATALOGUE[name].props().safeParse(attributes);
  if (!result.success) {
    throw new Error(describeIssues(name, attributes, result.error, propNames(name)).join("; "));
  }
  return result.data as ComponentProps<N>;
}
