"use client";

import "@mdxeditor/editor/style.css";
import "./visual-editor.css";
import {
  BlockTypeSelect,
  BoldItalicUnderlineToggles,
  CreateLink,
  InsertTable,
  InsertThematicBreak,
  ListsToggle,
  MDXEditor,
  Separator,
  UndoRedo,
  type MDXEditorMethods,
} from "@mdxeditor/editor";
import { useMemo, useRef, useState } from "react";
import { keepUnchangedBlocks } from "@/lib/content/visual/keep-blocks";
import { EditorSiteContext, type VisualEditorContext } from "./editor-context";
import { InsertBlock } from "./insert-block";
import { showPasteNotes } from "../edit-forms/paste-as-markdown";
import { pastePlugin } from "./paste-plugin";
import { toolsPlugin } from "./tools-plugin";
import { editorPlugins, TO_MARKDOWN } from "./plugins";

/*
 * The visual editor proper (MDXEditor on Lexical), loaded only on editor
 * pages. It opens on the textarea's text and writes back into the textarea
 * on every change, each unchanged block spelled as before
 * (keepUnchangedBlocks), so saving an untouched page changes nothing. The
 * tools beside it (components, images) place their text at its cursor.
 */
export function VisualEditor({
  bodyId,
  context,
  onCannotShow,
}: {
  bodyId: string;
  context: VisualEditorContext;
  /** The text has something the editor cannot read: it must not write back a part of it. */
  onCannotShow: (reason: string) => void;
}) {
  const editor = useRef<MDXEditorMethods>(null);
  const area = () => {
    const element = document.getElementById(bodyId);
    return element instanceof HTMLTextAreaElement ? element : null;
  };
  const [initial] = useState(() => area()?.value ?? "");
  // The text the editor last read: unchanged blocks keep its spelling.
  const original = useRef(initial);
  // Once the editor could not read the text, it never writes: the textarea keeps every character.
  const unreadable = useRef(false);

  const plugins = useMemo(
    () => [
      ...editorPlugins({
        pages: context.pages.map((p) => p.href),
        toolbar: () => (
          <>
            <UndoRedo />
            <Separator />
            <BoldItalicUnderlineToggles options={["Bold", "Italic"]} />
            <Separator />
            <BlockTypeSelect />
            <ListsToggle options={["bullet", "number"]} />
            <Separator />
            <CreateLink />
            <InsertTable />
            <InsertThematicBreak />
            <Separator />
            <InsertBlock bodyId={bodyId} />
          </>
        ),
      }),
      // Pasted Word, Google Docs, web or email text comes in as Markdown; what was left out shows
      // under the text.
      pastePlugin({ onPasted: (notes) => showPasteNotes(bodyId, notes) }),
      // Images and components from the tools beside the editor go in at its cursor.
      toolsPlugin({ bodyId }),
    ],
    // The plugins are made once per editor; the pages do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  function onChange(markdown: string, initialNormalize: boolean) {
    const textarea = area();
    if (!textarea || initialNormalize || unreadable.current) return;
    const text = keepUnchangedBlocks(original.current, markdown);
    if (text === textarea.value) return;
    textarea.value = text;
    // The form's own listeners (autosave, the live preview) follow, as if it had been typed.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  return (
    <EditorSiteContext.Provider value={context}>
      <MDXEditor
        ref={editor}
        markdown={initial}
        onChange={onChange}
        onError={({ error }) => {
          unreadable.current = true;
          onCannotShow(error);
        }}
        plugins={plugins}
        toMarkdownOptions={TO_MARKDOWN}
        className="rounded-md border border-line bg-surface-raised"
        contentEditableClassName="prose min-h-72 px-4 py-3"
        spellCheck
        trim={false}
        translation={translate}
      />
    </EditorSiteContext.Provider>
  );
}

/** The editor's own words, with the text area named for what it is. */
function translate(key: string, fallback: string, interpolations: Record<string, unknown> = {}) {
  let value =
    key === "contentArea.editableMarkdown" ? "Page body, as visitors will see it" : fallback;
  for (const [name, text] of Object.entries(interpolations))
    value = value.replaceAll(`{{${name}}}`, String(text));
  return value;
}
