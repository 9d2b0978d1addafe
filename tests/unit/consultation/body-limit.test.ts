import { describe, expect, it } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import type { ConsultationState } from "@/lib/consultation/types";
import bodyLimit from "@/lib/validations/body-limit.json";
import { CONSULTATION_FIELDS, hardMaxLength } from "@/lib/validations/consultation-fields";
import { postedSize, withPreviousAnswer } from "../../shared/no-js-post";
import { testDeps, toFormData, unusableDb, validForm } from "./fixtures";

/** Every text field's limit, by name. */
const TEXT_MAX = Object.fromEntries(
  CONSULTATION_FIELDS.flatMap((field) => ("max" in field ? [[field.name, field.max]] : [])),
) as Record<string, number>;

/** Every option of every list, ticked. */
const ALL_TICKED = Object.fromEntries(
  CONSULTATION_FIELDS.flatMap((field) =>
    field.kind === "checkbox" ? [[field.name, field.options.map((o) => o.value as string)]] : [],
  ),
);

/*
 * Next.js refuses a server action body over the limit before our code runs, and
 * without JavaScript the visitor would lose everything typed. The browser's
 * maxlength on each field must keep the largest possible form under it.
 */

// "€" is one UTF-16 unit, which is what maxlength counts, and three bytes in UTF-8, the most per unit.
const longest = (max: number) => "€".repeat(hardMaxLength(max));

/** What a browser without JavaScript posts: React writes the action and its previous state into the form. */
function postedForm(previous: ConsultationState): FormData {
  const form = toFormData(
    validForm({
      ...Object.fromEntries(Object.entries(TEXT_MAX).map(([name, max]) => [name, longest(max)])),
      ...ALL_TICKED,
    }),
  );
  return withPreviousAnswer(form, previous);
}

describe("the largest form a browser can send", () => {
  it("leaves room to type past each limit and be told so", () => {
    for (const max of Object.values(TEXT_MAX)) expect(hardMaxLength(max)).toBeGreaterThan(max);
  });

  it("fits the server action body limit, even carrying the previous answer back", async () => {
    // Throws if touched: an invalid form is answered before the database is used.
    const first = postedForm({ status: "idle" });
    const answer = await submitConsultation(first, testDeps(unusableDb("touched")));
    expect(answer.status).toBe("invalid");
    if (answer.status !== "invalid") return;
    expect(answer.errors.message).toMatch(/2,?000 characters/);
    expect(answer.values.message).toBe(longest(TEXT_MAX.message ?? 0));

    const second = postedForm(answer);
    expect(await postedSize(second)).toBeGreaterThan(await postedSize(first));
    expect(await postedSize(second)).toBeLessThan(bodyLimit.kilobytes * 1024);
  });
});
