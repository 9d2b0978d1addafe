import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitConsultation, toRequestRow } from "@/lib/consultation/submit";
import { consultationSchema, readConsultationForm } from "@/lib/validations/consultation";
import { PAIN_AREAS, RED_FLAGS, TIME_SLOTS } from "@/lib/validations/consultation-fields";

const RED_FLAG_VALUES = RED_FLAGS.map((flag) => flag.value as string);
import { DATABASES, type TestDb } from "../db/test-databases";
import { countRows, testDeps, toFormData, validForm, type FormRecord } from "./fixtures";

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\n",
    "a\u0000b",
    "ada@example.com",
    "+1 555 010 0123",
    "e\u0301",
    "x".repeat(2100),
  ),
);

/** Half the time nothing, so valid forms stay common. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof(fc.constant(null), arbitrary);
}

/** Starts from a valid form and perturbs it, so both outcomes are common. */
const formRecord: fc.Arbitrary<FormRecord> = fc
  .record({
    base: fc.constant(null).map(() => validForm()),
    drop: sometimes(
      fc.constantFrom(
        "fullName",
        "email",
        "phone",
        "preferredContact",
        "painArea",
        "consent",
        "message",
      ),
    ),
    replace: sometimes(
      fc.dictionary(
        fc.constantFrom(
          "fullName",
          "email",
          "phone",
          "message",
          "painArea",
          "painDuration",
          "firstVisit",
          "preferredContact",
          "website",
          "formToken",
          "stray",
        ),
        anyText,
        { maxKeys: 2 },
      ),
    ),
    painArea: fc.constantFrom(...PAIN_AREAS.map((a) => a.value)),
    times: fc.oneof(
      {
        arbitrary: fc.subarray(
          TIME_SLOTS.map((s) => s.value as string),
          { minLength: 1 },
        ),
        weight: 4,
      },
      {
        arbitrary: fc.subarray(TIME_SLOTS.map((s) => s.value as string).concat("never")),
        weight: 1,
      },
    ),
    flags: fc.oneof(
      { arbitrary: fc.subarray([...RED_FLAG_VALUES]), weight: 4 },
      { arbitrary: fc.subarray([...RED_FLAG_VALUES, "headache"]), weight: 1 },
    ),
    contact: fc.constantFrom("email", "phone"),
  })
  .map(({ base, drop, replace, painArea, times, flags, contact }) => {
    const record: FormRecord = {
      ...base,
      painArea,
      preferredTimes: times,
      redFlags: flags,
      preferredContact: contact,
    };
    if (drop) delete record[drop];
    return { ...record, ...(replace ?? {}) };
  });

describe.each(DATABASES)("submit properties on $name", ({ name, open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  const numRuns = name === "SQLite" ? 200 : 100;

  it("either returns field errors and stores nothing, or stores exactly one row equal to the parsed value", async () => {
    const outcomes = { invalid: 0, received: 0 };
    await fc.assert(
      fc.asyncProperty(formRecord, async (record) => {
        const data = toFormData(record);
        const before = await countRows(t.db);
        const state = await submitConsultation(data, testDeps(t.db));
        const after = await countRows(t.db);
        const parsed = consultationSchema.safeParse(readConsultationForm(data));
        if (state.status === "invalid") {
          outcomes.invalid += 1;
          expect(parsed.success).toBe(false);
          expect(Object.keys(state.errors).length).toBeGreaterThan(0);
          expect(after).toBe(before);
          return;
        }
        outcomes.received += 1;
        expect(state.status).toBe("received");
        expect(parsed.success).toBe(true);
        expect(after).toBe(before + 1);
        if (state.status !== "received" || !parsed.success) return;
        const row = await t.db
          .selectFrom("consultation_requests")
          .selectAll()
          .where("reference", "=", state.reference)
          .executeTakeFirstOrThrow();
        const expected = toRequestRow(parsed.data, {
          idempotencyKey: row.idempotency_key,
          clientHash: "client-a",
          now: new Date(row.created_at),
          spam: row.status === "spam",
          mailEnabled: false,
          acknowledge: false,
        });
        expect(row).toEqual({ id: row.id, reference: state.reference, ...expected });
      }),
      { numRuns },
    );
    // A property that only ever saw one outcome would prove little.
    expect(outcomes.invalid).toBeGreaterThan(numRuns / 20);
    expect(outcomes.received).toBeGreaterThan(numRuns / 20);
  }, 120_000);
});
