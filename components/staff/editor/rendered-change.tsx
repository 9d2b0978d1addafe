import type { Components } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { markChanges, wordChanges } from "@/lib/content/merge/highlight";
import { renderMdx } from "@/lib/content/mdx/render-mdx";
import { useMDXComponents } from "@/mdx-components";
import { WordMarks } from "@/components/staff/changes/word-marks";

/*
 * A change shown as readers see the page: a block of text rendered through
 * the site's one renderer, the words it changed from the earlier text marked
 * (added underlined, removed struck through, each with a hidden
 * "added:"/"removed:" for screen readers). Shared by the history and by the
 * choice between two colleagues' versions (merge-view.tsx).
 */

export { MARKS_LEGEND, marksClass } from "@/components/staff/changes/word-marks";

/** Page text `to`, rendered, with the words changed since `from` marked. */
export function RenderedChange({ from, to }: { from: string; to: string }) {
  // Not a React hook despite its name (see mdx-components.tsx): a plain merge.
  const components = useMDXComponents({}) as Partial<Components>;
  let shown: ReactNode;
  try {
    shown = renderMdx(markChanges(from, to), components);
  } catch {
    // A text that cannot be rendered (only an old one could be) is shown as written.
    return <p className="whitespace-pre-wrap font-mono text-sm">{WordChanges({ from, to })}</p>;
  }
  return <div className="prose">{shown}</div>;
}

/** Plain text with the words changed from `from` marked: a title, a description. */
export function WordChanges({ from, to }: { from: string; to: string }): ReactNode[] {
  return WordMarks({ changes: wordChanges(from, to) });
}
