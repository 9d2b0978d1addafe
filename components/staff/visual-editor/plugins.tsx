"use client";

import {
  headingsPlugin,
  jsxPlugin,
  linkDialogPlugin,
  linkPlugin,
  listsPlugin,
  markdownShortcutPlugin,
  quotePlugin,
  tablePlugin,
  thematicBreakPlugin,
  toolbarPlugin,
  type RealmPlugin,
} from "@mdxeditor/editor";
import type { ReactNode } from "react";
import { BLOCK_DESCRIPTORS } from "./blocks";

/*
 * What the visual editor understands, in one list shared by the editor and
 * its round-trip tests: headings (## to ####), lists, quotes, links, GFM
 * tables, rules and the catalogue's components; Markdown shortcuts (`- `,
 * `1. `, `## `) and the usual keys (Ctrl+B, Ctrl+I, Ctrl+Z) come with them.
 */

/** Written as the files are (the Prettier form content:export writes). */
export const TO_MARKDOWN = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  listItemIndent: "one",
  rule: "-",
} as const;

export function editorPlugins(options: { pages?: string[]; toolbar?: () => ReactNode } = {}) {
  const plugins: RealmPlugin[] = [
    headingsPlugin({ allowedHeadingLevels: [2, 3, 4] }),
    listsPlugin(),
    quotePlugin(),
    linkPlugin(),
    linkDialogPlugin({ linkAutocompleteSuggestions: options.pages ?? [] }),
    tablePlugin(),
    thematicBreakPlugin(),
    jsxPlugin({ jsxComponentDescriptors: BLOCK_DESCRIPTORS }),
    markdownShortcutPlugin(),
  ];
  if (options.toolbar) plugins.unshift(toolbarPlugin({ toolbarContents: options.toolbar }));
  return plugins;
}
