import type { MergeConflict } from "@/lib/content/merge/merge-page";
import { formatDateTime } from "@/lib/staff/format";
import type { OpenMerge } from "@/lib/staff/page-merge";
import { EDITOR_FIELD_SPECS } from "@/lib/validations/editor-state";
import { Notice } from "@/components/ui/notice";
import { MergeChoice } from "@/components/staff/changes/merge-choice";
import { MARKS_LEGEND, marksClass, RenderedChange, WordChanges } from "./rendered-change";

/*
 * The editor's answer to a publish that overlaps a colleague's: every place
 * you both changed, shown as visitors would see it, yours beside theirs, with
 * the words each changed from the version you both opened marked; and for
 * each, a choice. Radio buttons in the editor's own form, so Publish carries
 * the choices with or without JavaScript. Changes to different parts of the
 * page need no choice: they combine on their own.
 */

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
        Compared with the version you both opened. {MARKS_LEGEND}
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
          <MergeChoice id={conflict.id} chosen={choices[conflict.id]} />
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
  if (!text.trim()) return <p className="mt-2 italic">(Removed: nothing here.)</p>;
  if (conflict.place.kind === "field")
    return (
      <p className="mt-2">
        <WordChanges from={conflict.base} to={text} />
      </p>
    );
  return (
    <div className="mt-2 rounded border border-line p-3">
      <RenderedChange from={conflict.base} to={text} />
    </div>
  );
}
