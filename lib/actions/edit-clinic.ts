"use server";

import "server-only";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import { z } from "zod";
import { addClinicRevision } from "@/lib/db/content-revisions";
import { staffStateAction } from "@/lib/staff/action-client";
import { saveFailed } from "@/lib/staff/save-failure";
import { byline, published } from "@/lib/staff/publish-steps";
import {
  fieldList,
  mergeClinicWithLatest,
  shownMerge,
  theirChanges,
} from "@/lib/staff/clinic-merge";
import { readMergeChoices } from "@/lib/staff/page-merge";
import type { MergeChoice } from "@/lib/content/merge/merge-page";
import { HOURS_LABEL } from "@/lib/content/merge/merge-clinic";
import {
  CLINIC_TEXT_FIELDS,
  MAX_HOURS_ROWS,
  readClinicForm,
  valuesToClinicInput,
  type ClinicEditorState,
} from "@/lib/validations/clinic-form";

/*
 * Clinic details: rows are added and removed by posting the form (so it works
 * without JavaScript), and a publish is checked by the same schema as
 * clinic.yaml before it becomes a revision that every page, the footer,
 * structured data and the clinic emails read. When someone else published
 * after the form was opened, the typed details are merged with theirs
 * (lib/staff/clinic-merge.ts) rather than replacing them.
 */
const clinicFormSchema = z.object({
  // readClinicForm has already cut and typed every value; clinicSchema checks them below.
  values: z.custom<ClinicEditorState["values"]>(),
  intent: z.string(),
  // How each field changed by both was decided (Keep mine / Take theirs).
  choices: z.custom<Record<string, MergeChoice>>(),
});

export const editClinicAction = staffStateAction({
  endpoint: "editClinicAction",
  read: (formData) => ({
    values: readClinicForm(formData),
    intent: String(formData.get("intent") ?? ""),
    choices: readMergeChoices(formData),
  }),
  schema: clinicFormSchema,
  invalid: (_error, { values }, previous: ClinicEditorState): ClinicEditorState => ({
    values,
    errors: {},
    formError: "Not published: the form did not arrive whole. Everything you typed is kept.",
    answer: previous.answer + 1,
  }),
  failed: (error, { values }, previous) => ({
    values,
    errors: {},
    formError: saveFailed(error, "Not published", "Everything you typed is kept below."),
    answer: previous.answer + 1,
  }),
  run: async ({
    input: { values, intent, choices },
    previous,
    db,
    now,
    actor,
    record,
  }): Promise<ClinicEditorState> => {
    const answer = previous.answer + 1;
    if (intent === "add-row") {
      if (values.hours.length < MAX_HOURS_ROWS)
        values.hours.push({ days: [], opens: "09:00", closes: "17:00" });
      return { values, errors: {}, answer };
    }
    const remove = /^remove-(\d+)$/.exec(intent);
    if (remove) {
      values.hours.splice(Number(remove[1]), 1);
      return { values, errors: {}, answer };
    }

    const errors: Record<string, string> = {};
    const parsed = clinicSchema.safeParse(valuesToClinicInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => String(p));
        const key =
          path[0] === "openingHours"
            ? path.length > 1
              ? `hours.${path[1]}.${path[2] ?? "days"}`
              : "hours"
            : path.join(".");
        errors[key] ??= issue.message;
      }
    }
    if (!parsed.success) {
      return {
        values,
        errors,
        formError: "Not published: fix the problems marked below. Everything you typed is kept.",
        answer,
      };
    }

    // A write the database refuses throws: `failed` above answers it, keeping every value typed.
    let result = await addClinicRevision(db, {
      ...byline(actor),
      note: values.note.trim() || null,
      clinic: parsed.data,
      baseHash: values.baseHash || null,
      parentId: values.parentId,
      now,
    });
    let combined = false;
    if (!result.ok && result.latest) {
      // Someone else published since the form was opened: merge rather than replace their work.
      // The form keeps the revision it was opened on, so a second post merges from the same base.
      const outcome = await mergeClinicWithLatest(db, {
        mine: parsed.data,
        parentId: values.parentId,
        latest: result.latest,
        choices,
      });
      const theirs = outcome.theirs;
      if (outcome.kind === "conflicts") {
        const merge = shownMerge(outcome, choices);
        const undecided = merge.conflicts.filter((c) => !merge.choices[c.id]).map((c) => c.label);
        return {
          values,
          errors,
          merge,
          formError:
            Object.keys(choices).length > 0
              ? `Not published yet: choose Keep mine or Take theirs for ${fieldList(undecided)} below, then press Publish clinic details. Everything you typed is kept.`
              : `Not published yet: ${theirs.author} published clinic details at ${merge.when}, after you opened them, and you both changed ${fieldList(merge.conflicts.map((c) => c.label))}. Their other changes and yours combine on their own. Choose below which value of each to keep, then press Publish clinic details. Everything you typed stays in the form below whatever you choose.`,
          answer,
        };
      }
      const who = theirChanges(theirs, outcome.timeZone);
      const merged = clinicSchema.safeParse(valuesToClinicInput(outcome.details));
      // Each side passed on its own; together they may not (a booking label without its page).
      if (!merged.success || outcome.details.hours.length > MAX_HOURS_ROWS)
        return {
          values,
          errors,
          formError: `Not published: your changes combined with ${who} do not pass the checks (${
            merged.success
              ? `${HOURS_LABEL}: at most ${MAX_HOURS_ROWS} rows`
              : merged.error.issues
                  .map((issue) => `${labelOf(issue.path)} ${issue.message}`)
                  .join("; ")
          }). Everything you typed is kept; change it and publish again.`,
          answer,
        };
      result = await addClinicRevision(db, {
        ...byline(actor),
        note: [values.note.trim(), `Combined with ${who}.`].filter(Boolean).join(" "),
        clinic: merged.data,
        baseHash: values.baseHash || null,
        parentId: theirs.id,
        now,
      });
      combined = true;
    }
    if (!result.ok) {
      return {
        // Opened on a revision that is not there (a tampered form, an emptied database): the
        // next publish starts from nothing, as there is nothing of anyone's to replace.
        values: result.latest ? values : { ...values, parentId: 0 },
        errors,
        formError: result.latest
          ? "Not published: someone else published clinic details again just now. Everything you typed is kept; press Publish clinic details again to combine it with theirs."
          : "Not published: the clinic details you opened are no longer stored. Everything you typed is kept; press Publish clinic details again to publish it.",
        answer,
      };
    }
    record({ event: "clinic-changed", object: { type: "clinic", id: "clinic" } });
    return published(`/staff/clinic?notice=${combined ? "combined" : "published"}`);
  },
});

/** A schema problem's field as the form labels it. */
function labelOf(path: readonly PropertyKey[]): string {
  const name = path.map(String).join(".");
  if (path[0] === "openingHours") return HOURS_LABEL;
  return CLINIC_TEXT_FIELDS.find((field) => field.name === name)?.label ?? name;
}
