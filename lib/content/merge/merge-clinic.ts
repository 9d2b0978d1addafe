import "server-only";
import {
  CLINIC_FLAGS,
  CLINIC_TEXT_FIELDS,
  type ClinicFormValues,
  type HoursRow,
} from "@/lib/validations/clinic-form";
import { WEEKDAYS } from "@/lib/validations/clinic-schema";
import { conflictNamer } from "./conflict-id";
import type { MergeChoice } from "./merge-page";
import { mergeLists } from "./three-way";

/*
 * Two people's edits of the clinic details, combined the way a page is
 * (./merge-page.ts): `base` is what both opened, `theirs` what the other
 * person published since, `mine` what this person typed. Every field of the
 * form merges on its own (a change only one side made is taken, the same
 * change made on both is taken once, different changes are a conflict to
 * decide). The opening hours merge row by row, as the page text merges block
 * by block: a receptionist thinks of "the Saturday morning" as one thing, so
 * one person adding a Saturday row while another moves Wednesday's closing
 * time keeps both, and only the same row changed differently is a choice.
 * Rows have no lasting identity (their numbers shift when one is removed),
 * so a row is known by what it says, as a block is.
 */

export type ClinicDetails = Pick<ClinicFormValues, "text" | "flags" | "hours">;

export interface ClinicConflict {
  id: string;
  place: { kind: "text"; name: string } | { kind: "hours" };
  /** The field as the form labels it. */
  label: string;
  /** For opening hours: the rows the conflict is about, as they were ("" for rows both added). */
  base: string;
  mine: string;
  theirs: string;
}

export interface ClinicMerge {
  conflicts: ClinicConflict[];
  /** The combined details with each conflict decided; undefined while one is left undecided. */
  resolve(choices: Readonly<Record<string, MergeChoice>>): ClinicDetails | undefined;
}

export const HOURS_LABEL = "Opening hours";

/** A row as people read it, one line: "Monday, Tuesday: 09:00 to 17:00". Also its identity. */
export function hoursRowText(row: HoursRow): string {
  const days = WEEKDAYS.filter((day) => row.days.includes(day));
  // Days the schema does not know (only a tampered form has them) still count, after the rest.
  const other = row.days.filter((day) => !(WEEKDAYS as readonly string[]).includes(day));
  return `${[...days, ...other].join(", ") || "No days"}: ${row.opens} to ${row.closes}`;
}

type Part<T> = { value: T } | { conflict: ClinicConflict; mine: T; theirs: T };

export function mergeClinic(
  base: ClinicDetails,
  mine: ClinicDetails,
  theirs: ClinicDetails,
): ClinicMerge {
  const conflicts: ClinicConflict[] = [];
  const nameOf = conflictNamer();
  const conflict = (
    place: ClinicConflict["place"],
    label: string,
    texts: Pick<ClinicConflict, "base" | "mine" | "theirs">,
  ) => {
    const made = {
      id: nameOf(place, [texts.base, texts.mine, texts.theirs]),
      place,
      label,
      ...texts,
    };
    conflicts.push(made);
    return made;
  };
  // Each field as a page's fields merge: one side's change is taken, the same change once.
  const text = CLINIC_TEXT_FIELDS.map(({ name, label }): { name: string; part: Part<string> } => {
    const o = base.text[name] ?? "";
    const a = mine.text[name] ?? "";
    const b = theirs.text[name] ?? "";
    if (a === b || b === o) return { name, part: { value: a } };
    if (a === o) return { name, part: { value: b } };
    const made = conflict({ kind: "text", name }, label, { base: o, mine: a, theirs: b });
    return { name, part: { conflict: made, mine: a, theirs: b } };
  });
  // A yes/no fact both changed can only have changed the same way: there is never a choice.
  const flags = CLINIC_FLAGS.map(({ name }) => {
    const changed = mine.flags[name] !== base.flags[name];
    return { name, part: { value: (changed ? mine : theirs).flags[name] === true } };
  });

  const rows = new Map<string, HoursRow>();
  const keys = (side: ClinicDetails) =>
    side.hours.map((row) => {
      const key = hoursRowText(row);
      if (!rows.has(key)) rows.set(key, row);
      return key;
    });
  const hours = mergeLists(keys(base), keys(mine), keys(theirs)).map((region): Part<string[]> =>
    region.kind === "same"
      ? { value: region.items }
      : {
          mine: region.mine,
          theirs: region.theirs,
          conflict: conflict({ kind: "hours" }, HOURS_LABEL, {
            base: region.base.join("\n"),
            mine: region.mine.join("\n"),
            theirs: region.theirs.join("\n"),
          }),
        },
  );

  return {
    conflicts,
    resolve(choices) {
      if (conflicts.some((c) => choices[c.id] !== "mine" && choices[c.id] !== "theirs"))
        return undefined;
      const pick = <T>(part: Part<T>): T =>
        "value" in part
          ? part.value
          : choices[part.conflict.id] === "mine"
            ? part.mine
            : part.theirs;
      return {
        text: Object.fromEntries(text.map(({ name, part }) => [name, pick(part)])),
        flags: Object.fromEntries(flags.map(({ name, part }) => [name, pick(part)])),
        hours: hours.flatMap((part) =>
          pick(part).map((key) => {
            const row = rows.get(key) as HoursRow;
            return { days: [...row.days], opens: row.opens, closes: row.closes };
          }),
        ),
      };
    },
  };
}
