"use server";

import "server-only";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import { getDb } from "@/lib/db/client";
import { addClinicRevision } from "@/lib/db/content-revisions";
import { requireStaff } from "@/lib/staff/auth";
import { saveFailed } from "@/lib/staff/save-failure";
import { authorFor, NAME_NEEDED, published } from "@/lib/staff/publish-steps";
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
export async function editClinicAction(
  previous: ClinicEditorState,
  formData: FormData,
): Promise<ClinicEditorState> {
  // Without a session requireStaff goes to sign-in: nothing is touched or echoed back.
  const session = await requireStaff();
  const values = readClinicForm(formData);
  const intent = String(formData.get("intent") ?? "");
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
      const path = issue.path.map((p) => (typeof p === "number" ? String(p) : String(p)));
      const key =
        path[0] === "openingHours"
          ? path.length > 1
            ? `hours.${path[1]}.${path[2] ?? "days"}`
            : "hours"
          : path.join(".");
      errors[key] ??= issue.message;
    }
  }
  const author = await authorFor(session, values.author);
  if (!author) errors.author = NAME_NEEDED;
  if (!parsed.success || !author) {
    return {
      values: { ...values, author },
      errors,
      formError: "Not published: fix the problems marked below. Everything you typed is kept.",
      answer,
    };
  }

  let result;
  try {
    result = await addClinicRevision(await getDb(), {
      author,
      note: values.note.trim() || null,
      clinic: parsed.data,
      baseHash: values.baseHash || null,
      parentId: values.parentId,
      now: new Date(),
    });
  } catch (error) {
    return {
      values: { ...values, author },
      errors,
      formError: saveFailed(error, "Not published", "Everything you typed is kept below."),
      answer,
    };
  }
  if (!result.ok) {
    return {
      values: { ...values, author, parentId: result.latest?.id ?? 0 },
      errors,
      formError: `Not published: ${result.latest?.author ?? "someone"} published clinic details after you opened them. Your values are kept below; publish again to replace theirs.`,
      answer,
    };
  }
  return published(session, author, "/staff/clinic?notice=published");
}
