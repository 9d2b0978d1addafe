import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { BODY_SIZE_LIMIT_KB, hardMaxLength } from "@/lib/consultation/body-limit";
import { INITIAL_STATE, type ConsultationState } from "@/lib/consultation/state";
import { submitConsultation } from "@/lib/consultation/submit";
import { RED_FLAG_VALUES } from "@/lib/content/red-flags";
import type { Database } from "@/lib/db/types";
import { TEXT_MAX } from "@/lib/validations/consultation";
import { TIME_SLOTS } from "@/lib/validations/consultation-options";
import { testDeps, toFormData, validForm } from "./fixtures";

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
      fullName: longest(TEXT_MAX.fullName),
      email: longest(TEXT_MAX.email),
      phone: longest(TEXT_MAX.phone),
      message: longest(TEXT_MAX.message),
      preferredTimes: TIME_SLOTS.map((slot) => slot.value),
      redFlags: [...RED_FLAG_VALUES],
    }),
  );
  form.append("$ACTION_REF_1", "");
  form.append("$ACTION_1:0", JSON.stringify({ id: "f".repeat(42), bound: "$@1" }));
  form.append("$ACTION_1:1", JSON.stringify([previous]));
  form.append("$ACTION_KEY", `k${"f".repeat(32)}`);
  return form;
}

const size = async (form: FormData) => (await new Response(form).arrayBuffer()).byteLength;

describe("the largest form a browser can send", () => {
  it("leaves room to type past each limit and be told so", () => {
    for (const max of Object.values(TEXT_MAX)) expect(hardMaxLength(max)).toBeGreaterThan(max);
  });

  it("fits the server action body limit, even carrying the previous answer back", async () => {
    // Never opened: an invalid form is answered before the database is touched.
    const db = new Promise<Kysely<Database>>(() => {});
    const first = postedForm(INITIAL_STATE);
    const answer = await submitConsultation(first, { ...testDeps(undefined as never), db });
    expect(answer.status).toBe("invalid");
    if (answer.status !== "invalid") return;
    expect(answer.errors.message).toMatch(/2,?000 characters/);
    expect(answer.values.message).toBe(longest(TEXT_MAX.message));

    const second = postedForm(answer);
    expect(await size(second)).toBeGreaterThan(await size(first));
    expect(await size(second)).toBeLessThan(BODY_SIZE_LIMIT_KB * 1024);
  });
});
