import type { Components } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { markChanges, wordChanges } from "@/lib/content/merge/highlight";
import { renderMdx } from "@/lib/content/mdx/render-mdx";
import { useMDXComponents } from "@/mdx-components";

/*
 * A change shown as readers see the page: a block of text rendered through
 * the site's one renderer, the words it changed from the earlier text marked
 * (added underlined, removed struck through, each with a hidden
 * "added:"/"removed:" for screen readers). Shared by the history and by the
 * choice between two colleagues' versions (merge-view.tsx).
 */

/** The marks' looks, for a container of rendered or text changes. */
export const marksClass =
  "[&_ins]:bg-brand-soft [&_ins]:underline [&_ins]:decoration-2 [&_del]:bg-danger-soft [&_del]:line-through";

/** Said once above marked changes, so the marks never rely on colour alone. */
export const MARKS_LEGEND =
  "Words added are underlined, words removed are struck through (a screen reader says “added” and “removed”).";

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
  return wordChanges(from, to).map((change, index) =>
    change.kind === "same" ? (
      change.text
    ) : change.kind === "added" ? (
      <ins key={index}>
        <span className="sr-only">added: </span>
        {change.text}
      </ins>
    ) : (
      <del key={index}>
        <span className="sr-only">removed: </span>
        {change.text}
      </del>
    ),
  );
}
