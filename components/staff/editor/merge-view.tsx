import type { Components } from "hast-util-to-jsx-runtime";
import type { ReactNode } from "react";
import { markChanges, wordChanges } from "@/lib/content/merge/highlight";
import type { MergeConflict } from "@/lib/content/merge/merge-page";
import { renderMdx } from "@/lib/content/mdx/render-mdx";
import { formatDateTime } from "@/lib/staff/format";
import type { OpenMerge } from "@/lib/staff/page-merge";
import { EDITOR_FIELD_SPECS } from "@/lib/validations/editor-state";
import { Notice } from "@/components/ui/notice";
import { useMDXComponents } from "@/mdx-components";

/*
 * The editor's answer to a publish that overlaps a colleague's: every place
 * you both changed, shown as visitors would see it, yours beside theirs, with
 * the words each changed from the version you both opened marked; and for
 * each, a choice. Radio buttons in the editor's own form, so Publish carries
 * the choices with or without JavaScript. Changes to different parts of the
 * page need no choice: they combine on their own.
 */

/** Added words underlined, removed ones struck through, each with a hidden "added:"/"removed:". */
const marksClass =
  "[&_ins]:bg-brand-soft [&_ins]:underline [&_ins]:decoration-2 [&_del]:bg-danger-soft [&_del]:line-through";

export function MergeView({
  merge,
  timeZone,
}: {
  merge: OpenMerge;
  /** The clinic's, for when they published. */
  timeZone: string;
}) {
  const { theirs, conflicts, choices } = merge;
  const when = formatDateTime(theirs.createdAt, timeZone);
  if (conflicts.length === 0)
    return (
      <Notice tone="success">
        {theirs.author} published this page at {when}, after you opened it. Your changes and theirs
        are to different parts of the page: Publish combines them.
      </Notice>
    );
  return (
    <section aria-labelledby="merge-heading" className="my-6">
      <Notice tone="error">
        Not published yet: {theirs.author} published this page at {when}, after you opened it, and
        you both changed the same {conflicts.length === 1 ? "part" : "parts"}. Their other changes
        and yours combine on their own. Choose below which version of each to keep, then press
        Publish. Your own text stays in the form below whatever you choose.
      </Notice>
      <h2 id="merge-heading" className="text-xl font-semibold">
        Changed by you and by {theirs.author}
      </h2>
      <p className="mt-2 text-ink-muted">
        Compared with the version you both opened: words added are underlined, words removed are
        struck through (a screen reader says “added” and “removed”).
      </p>
      {conflicts.map((conflict, index) => (
        <fieldset key={conflict.id} className="mt-6 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">
            Change {index + 1} of {conflicts.length}: {placeOf(conflict)}
          </legend>
          <div className={`grid gap-4 md:grid-cols-2 ${marksClass}`}>
            <div>
              <h3 className="font-semibold">Yours</h3>
              <Shown conflict={conflict} side="mine" />
            </div>
            <div>
              <h3 className="font-semibold">Theirs, by {theirs.author}</h3>
              <Shown conflict={conflict} side="theirs" />
            </div>
          </div>
          <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
            {(["mine", "theirs"] as const).map((side) => (
              <label key={side} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`merge-${conflict.id}`}
                  value={side}
                  defaultChecked={choices[conflict.id] === side}
                  className="h-5 w-5"
                />
                {side === "mine" ? "Keep mine" : "Take theirs"}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}

function placeOf(conflict: MergeConflict): string {
  if (conflict.place.kind === "field") return EDITOR_FIELD_SPECS[conflict.place.field].label;
  const words = (conflict.base || conflict.theirs || conflict.mine)
    .replace(/[#*_`<>[\]()-]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const start = words.slice(0, 8).join(" ");
  return conflict.base
    ? `the page text at “${start}${words.length > 8 ? "…" : ""}”`
    : `an addition to the page text`;
}

/** One side of a conflict: a field as text, the page text rendered, changed words marked. */
function Shown({ conflict, side }: { conflict: MergeConflict; side: "mine" | "theirs" }) {
  const text = conflict[side];
  // Not a React hook despite its name (see mdx-components.tsx): a plain merge.
  const components = useMDXComponents({}) as Partial<Components>;
  if (!text.trim()) return <p className="mt-2 italic">(Removed: nothing here.)</p>;
  if (conflict.place.kind === "field") return <p className="mt-2">{words(conflict.base, text)}</p>;
  let shown: ReactNode;
  try {
    shown = renderMdx(markChanges(conflict.base, text), components);
  } catch {
    // A side that cannot be rendered (only an old text could be) is shown as written.
    return (
      <p className="mt-2 whitespace-pre-wrap font-mono text-sm">{words(conflict.base, text)}</p>
    );
  }
  return <div className="prose mt-2 rounded border border-line p-3">{shown}</div>;
}

/** Plain text with the words changed from `from` marked. */
function words(from: string, to: string): ReactNode[] {
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
