// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { act, createRef } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { pastePlugin } from "@/components/staff/visual-editor/paste-plugin";
import { editorPlugins, TO_MARKDOWN } from "@/components/staff/visual-editor/plugins";

/*
 * Paste in the visual editor, as the browser runs it (MDXEditor on Lexical,
 * in jsdom): clipboard HTML goes in as the page's Markdown through
 * lib/content/paste, and what was left out is reported.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Lexical's own paste (what the plugin leaves alone) asks whether the event is a DragEvent; jsdom has none.
(globalThis as { DragEvent?: unknown }).DragEvent ??= class extends Event {};
(globalThis as { ClipboardEvent?: unknown }).ClipboardEvent ??= class extends Event {};

async function pasteInto(body: string, clipboard: Record<string, string>) {
  const ref = createRef<MDXEditorMethods>();
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  const notes: string[][] = [];
  await act(async () => {
    root.render(
      <MDXEditor
        ref={ref}
        markdown={body}
        plugins={[...editorPlugins(), pastePlugin({ onPasted: (n) => notes.push(n) })]}
        toMarkdownOptions={TO_MARKDOWN}
        trim={false}
      />,
    );
  });
  const editable = host.querySelector<HTMLElement>("[contenteditable=true]")!;
  await act(async () => {
    ref.current!.focus(undefined, { defaultSelection: "rootEnd" });
  });
  let prevented = false;
  await act(async () => {
    const event = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "clipboardData", {
      value: { types: Object.keys(clipboard), getData: (type: string) => clipboard[type] ?? "" },
    });
    editable.dispatchEvent(event);
    prevented = event.defaultPrevented;
  });
  const out = ref.current!.getMarkdown();
  await act(async () => root.unmount());
  host.remove();
  return { out, notes, prevented };
}

describe("paste in the visual editor", () => {
  it("inserts the Word fixture as the page's Markdown and reports the picture", async () => {
    const word = readFileSync(
      path.resolve(__dirname, "../../fixtures/paste/word-2013-test-document.html"),
      "utf8",
    );
    const { out, notes, prevented } = await pasteInto("Intro.", {
      "text/html": word,
      "text/plain": "Test page for FCKeditor",
    });
    expect(prevented).toBe(true);
    expect(out).toMatch(/^Intro\.\n\n## Test page for FCKeditor\n\nThis document/);
    expect(out).toContain("[France](http://en.wikipedia.org/wiki/France)");
    expect(out).toContain("**proper**");
    expect(out).toContain("1. level1");
    expect(out).toMatch(/\| Sweden +\| 17\.12 +\|/);
    expect(out).not.toMatch(/mso-|<o:p>|SimSun|<span/);
    expect(notes).toEqual([
      ["1 image was not pasted: add it with Add an image, so each has alt text."],
    ]);
  });

  it("leaves plain text and the editor's own clipboard to Lexical", async () => {
    // Lexical pastes plain text into the line, as typed: no conversion, nothing to report.
    const plain = await pasteInto("Intro.", { "text/plain": " Just <b>words</b> {x}" });
    expect(plain.out).toBe("Intro. Just \\<b>words\\</b> \\{x}");
    expect(plain.notes).toEqual([]);
    const own = await pasteInto("Intro.", {
      "application/x-lexical-editor": "{}",
      "text/html": "<h1>Copied inside the editor</h1>",
    });
    expect(own.notes).toEqual([]);
    expect(own.out).not.toContain("## Copied inside the editor");
  });

  it("makes typed bullets in plain text a list", async () => {
    const { out } = await pasteInto("Bring:", { "text/plain": "• a towel\n• water" });
    expect(out).toContain("- a towel\n- water");
  });
});
