import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { act, createRef } from "react";
import { createRoot } from "react-dom/client";
import { editorPlugins, TO_MARKDOWN } from "@/components/staff/visual-editor/plugins";

/*
 * Page text through the visual editor as the browser runs it (MDXEditor on
 * Lexical, in jsdom): imported into the edit model, exported as Markdown.
 * The tests that use it run in the jsdom environment.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function throughEditor(body: string): Promise<{ out: string; errors: string[] }> {
  const ref = createRef<MDXEditorMethods>();
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  const errors: string[] = [];
  await act(async () => {
    root.render(
      <MDXEditor
        ref={ref}
        markdown={body}
        plugins={editorPlugins()}
        toMarkdownOptions={TO_MARKDOWN}
        trim={false}
        onError={(e) => errors.push(e.error)}
      />,
    );
  });
  const out = ref.current?.getMarkdown() ?? "";
  await act(async () => root.unmount());
  host.remove();
  return { out, errors };
}
