import type { ClinicMergeShown, ShownValue } from "@/lib/validations/clinic-form";
import { MergeChoice } from "@/components/staff/changes/merge-choice";
import { MARKS_LEGEND, marksClass, WordMarks } from "@/components/staff/changes/word-marks";

/*
 * The clinic details form's answer to a publish that overlaps a colleague's,
 * as the page editor's (components/staff/editor/merge-view.tsx): each field
 * you both changed, yours beside theirs, the words each changed from the
 * details you both opened marked, and a Keep mine / Take theirs choice. The
 * radios are in the form itself, so Publish carries the choices with or
 * without JavaScript; the typed values stay in their fields below.
 */
export function ClinicMergeFields({ merge }: { merge: ClinicMergeShown }) {
  const { author, conflicts, choices } = merge;
  return (
    <section aria-labelledby="clinic-merge-heading">
      <h2 id="clinic-merge-heading" className="text-xl font-semibold">
        Changed by you and by {author}
      </h2>
      <p className="mt-2 text-ink-muted">
        Compared with the details you both opened. {MARKS_LEGEND}
      </p>
      {conflicts.map((conflict, index) => (
        <fieldset key={conflict.id} className="mt-6 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">
            Change {index + 1} of {conflicts.length}: {conflict.label}
            {conflict.was === undefined
              ? ""
              : conflict.was
                ? `, the ${conflict.was.includes("\n") ? "times" : "time"} “${conflict.was.replace(/\n/g, "; ")}”`
                : ", times added"}
          </legend>
          <div className={`grid gap-4 md:grid-cols-2 ${marksClass}`}>
            <div>
              <h3 className="font-semibold">Yours</h3>
              <Shown value={conflict.mine} />
            </div>
            <div>
              <h3 className="font-semibold">Theirs, by {author}</h3>
              <Shown value={conflict.theirs} />
            </div>
          </div>
          <MergeChoice id={conflict.id} chosen={choices[conflict.id]} />
        </fieldset>
      ))}
    </section>
  );
}

/** One side's value as text, one opening time a line, its changed words marked. */
function Shown({ value }: { value: ShownValue }) {
  return (
    <p className="mt-2 whitespace-pre-line break-words">
      {value.text.trim() ? null : <span className="italic">(Left empty.) </span>}
      <WordMarks changes={value.changes} />
    </p>
  );
}
