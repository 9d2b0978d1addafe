import "server-only";
import type { Kysely } from "kysely";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { diffArrays } from "diff";
import type { WordChange } from "@/lib/content/merge/highlight";
import {
  mergeClinic,
  type ClinicDetails,
  type ClinicMerge,
} from "@/lib/content/merge/merge-clinic";
import type { MergeChoice } from "@/lib/content/merge/merge-page";
import { getClinicRevision } from "@/lib/db/content-revisions";
import type { ClinicRevision, Database } from "@/lib/db/types";
import { clinicToValues, type ClinicMergeShown } from "@/lib/validations/clinic-form";
import { clinicSchema, type Clinic } from "@/lib/validations/clinic-schema";
import { formatDateTime, formatTimeOfDay } from "./format";

/*
 * A clinic details publish refused because someone else published after the
 * form was opened: the typed details merged with theirs (lib/content/merge/
 * merge-clinic.ts), on top of the details both started from (the revision
 * the form was opened on, or content/clinic.yaml when there was none).
 */

export type ClinicMergeOutcome =
  /** Nothing overlaps, or every overlap is decided: the details to publish on top of theirs. */
  | { kind: "combined"; details: ClinicDetails; theirs: ClinicRevision; timeZone: string }
  /** Fields both changed differently, to decide one by one; nothing is published. */
  | { kind: "conflicts"; merge: ClinicMerge; theirs: ClinicRevision; timeZone: string };

/** The details a revision holds, as the form shows them; the file's when it holds none the site uses. */
function detailsOf(revision: ClinicRevision | undefined): ClinicDetails | undefined {
  if (!revision) return undefined;
  try {
    const parsed = clinicSchema.safeParse(JSON.parse(revision.clinic));
    return parsed.success ? clinicToValues(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

export async function mergeClinicWithLatest(
  db: Kysely<Database>,
  input: {
    /** The typed details, already checked by the clinic schema. */
    mine: Clinic;
    /** The revision the form was opened on (0: the file). */
    parentId: number;
    latest: ClinicRevision;
    choices: Readonly<Record<string, MergeChoice>>;
  },
): Promise<ClinicMergeOutcome> {
  const { mine, parentId, latest, choices } = input;
  const opened = parentId > 0 ? await getClinicRevision(db, parentId) : undefined;
  const file = () => clinicToValues(loadClinic());
  const theirs = detailsOf(latest) ?? file();
  const merge = mergeClinic(detailsOf(opened) ?? file(), clinicToValues(mine), theirs);
  // Times in the clinic's time zone as it stands now, which is theirs.
  const timeZone = theirs.text.timezone ?? "UTC";
  const details = merge.resolve(choices);
  return details
    ? { kind: "combined", details, theirs: latest, timeZone }
    : { kind: "conflicts", merge, theirs: latest, timeZone };
}

/** The overlaps as the form shows them: each side's words marked against what both opened. */
export function shownMerge(
  outcome: Extract<ClinicMergeOutcome, { kind: "conflicts" }>,
  choices: Readonly<Record<string, MergeChoice>>,
): ClinicMergeShown {
  const { merge, theirs, timeZone } = outcome;
  const ids = new Set(merge.conflicts.map((c) => c.id));
  return {
    author: theirs.author,
    when: formatDateTime(theirs.created_at, timeZone),
    conflicts: merge.conflicts.map((c) => ({
      id: c.id,
      label: c.label,
      was: c.place.kind === "hours" ? c.base : undefined,
      mine: { text: c.mine, changes: valueChanges(c.base, c.mine) },
      theirs: { text: c.theirs, changes: valueChanges(c.base, c.theirs) },
    })),
    choices: Object.fromEntries(Object.entries(choices).filter(([id]) => ids.has(id))),
  };
}

/**
 * The changes from one value to another, cut only at spaces: a clinic detail
 * is a few facts, and "18:00" becoming "19:15" reads as one time replaced,
 * where the page text's word marks (wordChanges) would cut it at the colon.
 */
export function valueChanges(from: string, to: string): WordChange[] {
  const words = (text: string) => text.split(/(\s+)/).filter(Boolean);
  return diffArrays(words(from), words(to)).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value.join(""),
  }));
}

/** "Alex's changes of 14:02": whose publish the typed details were combined with, and when. */
export function theirChanges(theirs: ClinicRevision, timeZone: string): string {
  return `${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, timeZone)}`;
}

/** Said after a publish combined with a colleague's: the revision it was published on top of. */
export async function combinedClinicNotice(
  db: Kysely<Database>,
  published: ClinicRevision | undefined,
  timeZone: string,
): Promise<string | undefined> {
  const theirs = published?.parent_id
    ? await getClinicRevision(db, published.parent_id)
    : undefined;
  return (
    theirs &&
    `Published, combined with ${theirChanges(theirs, timeZone)}. Every page shows the new details now.`
  );
}

/** "Phone", "Phone and Street", "Phone, Street and Opening hours". */
export function fieldList(labels: string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
