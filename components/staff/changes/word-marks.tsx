import type { ReactNode } from "react";
import type { WordChange } from "@/lib/content/merge/highlight";

/*
 * Changed words shown as text: added ones as <ins>, removed ones as <del>,
 * each with a hidden "added:"/"removed:" for screen readers, and underlined
 * or struck through by `marksClass`, never colour alone. Plain markup with no
 * server imports, so the clinic details form (a client component) shows
 * marks worked out on the server the same way the history and the page
 * merge do (components/staff/editor/rendered-change.tsx). In a folder of its
 * own: the browser may load nothing from a folder that holds server code.
 */

/** The marks' looks, for a container of rendered or text changes. */
export const marksClass =
  "[&_ins]:bg-brand-soft [&_ins]:underline [&_ins]:decoration-2 [&_del]:bg-danger-soft [&_del]:line-through";

/** Said once above marked changes, so the marks never rely on colour alone. */
export const MARKS_LEGEND =
  "Words added are underlined, words removed are struck through (a screen reader says “added” and “removed”).";

export function WordMarks({ changes }: { changes: readonly WordChange[] }): ReactNode[] {
  return changes.map((change, index) =>
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
