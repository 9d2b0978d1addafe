import "server-only";
import { EDITOR_FIELDS, type EditorField } from "@/lib/validations/editor-state";
import { joinBlocks, splitBlocks } from "./blocks";
import { conflictNamer } from "./conflict-id";
import { mergeLists } from "./three-way";

/*
 * Two people's edits of one page, combined: `base` is the text both opened,
 * `theirs` what the other person published since, `mine` what this person
 * typed. The fields of the page details merge one by one, the body block by
 * block (./blocks.ts); a change only one side made is taken, the same change
 * made on both sides is taken once, and different changes to the same field
 * or block are conflicts, which a person decides one by one.
 */

export interface PageText {
  fields: Record<EditorField, string>;
  body: string;
}

export type MergeChoice = "mine" | "theirs";

export interface MergeConflict {
  /** Names the conflict by its content, so a choice still fits after unrelated edits elsewhere. */
  id: string;
  place: { kind: "field"; field: EditorField } | { kind: "body" };
  base: string;
  mine: string;
  theirs: string;
}

export interface PageMerge {
  conflicts: MergeConflict[];
  /** The combined text with each conflict decided; undefined while one is left undecided. */
  resolve(choices: Readonly<Record<string, MergeChoice>>): PageText | undefined;
}

type BodyPart =
  | { kind: "same"; blocks: string[] }
  | { kind: "conflict"; conflict: MergeConflict; mine: string[]; theirs: string[] };

type FieldPart =
  { field: EditorField; value: string } | { field: EditorField; conflict: MergeConflict };

export function mergePage(base: PageText, mine: PageText, theirs: PageText): PageMerge {
  const conflicts: MergeConflict[] = [];
  const nameOf = conflictNamer();
  const conflict = (place: MergeConflict["place"], texts: Omit<MergeConflict, "id" | "place">) => {
    const id = nameOf(place, [texts.base, texts.mine, texts.theirs]);
    const made: MergeConflict = { id, place, ...texts };
    conflicts.push(made);
    return made;
  };

  const fields: FieldPart[] = EDITOR_FIELDS.map((field) => {
    const o = base.fields[field];
    const a = mine.fields[field];
    const b = theirs.fields[field];
    if (a === b || b === o) return { field, value: a };
    if (a === o) return { field, value: b };
    return { field, conflict: conflict({ kind: "field", field }, { base: o, mine: a, theirs: b }) };
  });

  const sides = {
    base: splitBlocks(base.body),
    mine: splitBlocks(mine.body),
    theirs: splitBlocks(theirs.body),
  };
  const lead = sides.mine.lead !== sides.base.lead ? sides.mine.lead : sides.theirs.lead;
  const body: BodyPart[] = mergeLists(
    sides.base.blocks,
    sides.mine.blocks,
    sides.theirs.blocks,
  ).map((region): BodyPart =>
    region.kind === "same"
      ? { kind: "same", blocks: region.items }
      : {
          kind: "conflict",
          mine: region.mine,
          theirs: region.theirs,
          conflict: conflict(
            { kind: "body" },
            {
              base: region.base.join("\n\n"),
              mine: region.mine.join("\n\n"),
              theirs: region.theirs.join("\n\n"),
            },
          ),
        },
  );

  return {
    conflicts,
    resolve(choices) {
      if (conflicts.some((c) => choices[c.id] !== "mine" && choices[c.id] !== "theirs"))
        return undefined;
      const pick = <T>(c: MergeConflict, mineValue: T, theirValue: T) =>
        choices[c.id] === "mine" ? mineValue : theirValue;
      const merged = Object.fromEntries(
        fields.map((part) => [
          part.field,
          "conflict" in part
            ? pick(part.conflict, part.conflict.mine, part.conflict.theirs)
            : part.value,
        ]),
      ) as PageText["fields"];
      const blocks = body.flatMap((part) =>
        part.kind === "same" ? part.blocks : pick(part.conflict, part.mine, part.theirs),
      );
      return { fields: merged, body: joinBlocks(blocks, lead, sides) };
    },
  };
}
