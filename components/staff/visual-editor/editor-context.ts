import { createContext } from "react";

/*
 * What the visual editor shows that is not in the page text: the site's own
 * pages for the link picker, the sources a Cite may point at, and the clinic
 * facts as visitors see them. The server gathers it
 * (lib/staff/visual-editor-context.ts); types and a React context only.
 */
export interface VisualEditorContext {
  /** The site's pages, for links: "/consultation" with its title. */
  pages: { href: string; title: string }[];
  /** content/sources.yaml: each key with its title. */
  sources: { key: string; title: string }[];
  /** Uploads and illustrations a Figure may show without a new upload (lib/content/images/site-images.ts). */
  images: { src: string; label: string; width?: number; height?: number }[];
  /** Each clinic fact component's value as plain text, e.g. ClinicPhone → "+1 555 010 0123". */
  facts: Record<string, string>;
}

export const EMPTY_CONTEXT: VisualEditorContext = { pages: [], sources: [], images: [], facts: {} };

export const EditorSiteContext = createContext<VisualEditorContext>(EMPTY_CONTEXT);

/** Asks the page text to show itself as source, e.g. to point at a line with a problem. */
export const SHOW_SOURCE_EVENT = "show-source";

/**
 * Asks the visual editor, when it is open, to place MDX text (a Figure, a
 * component) at its cursor; it answers by cancelling the event. Uncancelled,
 * the text goes into the textarea at its cursor (lib: insert-into-body.ts).
 */
export const INSERT_TEXT_EVENT = "insert-text";
