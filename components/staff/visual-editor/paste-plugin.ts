import { createActiveEditorSubscription$, insertMarkdown$, realmPlugin } from "@mdxeditor/editor";
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  type LexicalEditor,
} from "lexical";
import { describeDropped } from "@/lib/content/paste/dropped";
import { clipboardToMdx } from "@/lib/content/paste/paste";
import { TYPED_BULLET } from "@/lib/content/paste/typed-bullets";

/*
 * Paste in the visual editor goes through lib/content/paste, as in the
 * source view: formatted text from Word, Google Docs, a web page or an email
 * comes in as the page's own headings, lists, bold, links and tables, and
 * nothing else, inserted as Markdown where the cursor is (one step for
 * Ctrl+Z). Lexical's own HTML import would carry spans and styles it cannot
 * write back. What was left out goes to `onPasted`. Copying inside the
 * editor keeps Lexical's own clipboard, so a copied block stays a block, and
 * plain text without typed bullets is left to Lexical, which pastes it as text.
 */
export const pastePlugin = realmPlugin<{ onPasted?: (notes: string[]) => void }>({
  init(realm, params) {
    realm.pub(createActiveEditorSubscription$, (editor) =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = "clipboardData" in event ? event.clipboardData : null;
          if (!data || data.types.includes("application/x-lexical-editor")) return false;
          const html = data.getData("text/html");
          const text = data.getData("text/plain");
          if (!html && !text.split("\n").some((line) => TYPED_BULLET.test(line))) return false;
          const { markdown, dropped } = clipboardToMdx({ html, text });
          event.preventDefault();
          if (markdown) {
            if (!startsWithParagraph(markdown)) startOnEmptyLine(editor);
            realm.pub(insertMarkdown$, markdown);
          }
          params?.onPasted?.(describeDropped(dropped));
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  },
});

/** A heading, list, table or quote: anything but a paragraph's plain words. */
function startsWithParagraph(markdown: string): boolean {
  return !/^(#|[-*+] |\d+[.)] |\||>)/.test(markdown);
}

/**
 * Lexical pours the first pasted block into the line the cursor is on, so a
 * pasted heading after "Intro." would become part of that paragraph. A
 * pasted document that starts with a heading, list or table starts on a new
 * line instead.
 */
function startOnEmptyLine(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const block = selection.anchor.getNode().getTopLevelElement();
    if (block && block.getTextContent().trim() !== "") selection.insertParagraph();
  });
}
