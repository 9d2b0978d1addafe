"use server";

import "server-only";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import { z } from "zod";
import { addClinicRevision } from "@/lib/db/content-revisions";
import { staffStateAction } from "@/lib/staff/action-client";
import { saveFailed } from "@/lib/staff/save-failure";
import { byline, published } from "@/lib/staff/publish-steps";
import {
  MAX_HOURS_ROWS,
  readClinicForm,
  valuesToClinicInput,
  type ClinicEditorState,
} from "@/lib/validations/clinic-form";

/*
 * Clinic details: rows are added and removed by posting the form (so it works
 * without JavaScript), and a publish is checked by the same schema as
 * clinic.yaml before it becomes a revision that every page, the footer,
 * structured data and the clinic emails read.
 */
const clinicFormSchema = z.object({
  // readClinicForm has already cut and typed every value; clinicSchema checks them below.
  values: z.custom<ClinicEditorState["values"]>(),
  intent: z.string(),
});

export const editClinicAction = staffStateAction({
  endpoint: "editClinicAction",
  read: (formData) => ({
    values: readClinicForm(formData),
    intent: String(formData.get("intent") ?? ""),
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
    input: { values, intent },
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

    let result;
    try {
      result = await addClinicRevision(db, {
        ...byline(actor),
        note: values.note.trim() || null,
        clinic: parsed.data,
        baseHash: values.baseHash || null,
        parentId: values.parentId,
        now,
      });
    } catch (error) {
      return {
        values,
        errors,
        formError: saveFailed(error, "Not published", "Everything you typed is kept below."),
        answer,
      };
    }
    if (!result.ok) {
      return {
        values: { ...values, parentId: result.latest?.id ?? 0 },
        errors,
        formError: `Not published: ${result.latest?.author ?? "someone"} published clinic details after you opened them. Your values are kept below; publish again to replace theirs.`,
        answer,
      };
    }
    record({ event: "clinic-changed", object: { type: "clinic", id: "clinic" } });
    return published("/staff/clinic?notice=published");
  },
});
