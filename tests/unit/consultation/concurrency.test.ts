import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import { DATABASES, type TestDb } from "../db/test-databases";
import { countRows, testDeps, toFormData, validForm } from "./fixtures";

const TOTAL = 200;
const AT_ONCE = 20;

describe.each(DATABASES)("concurrent submissions on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it(`stores ${TOTAL} requests sent ${AT_ONCE} at a time, without errors or duplicates`, async () => {
    const states = [];
    for (let batch = 0; batch < TOTAL / AT_ONCE; batch += 1) {
      const sent = Array.from({ length: AT_ONCE }, (_, i) =>
        submitConsultation(
          toFormData(validForm({ fullName: `Visitor ${batch * AT_ONCE + i}` })),
          testDeps(t.db, { clientHash: `client-${i % 7}` }),
        ),
      );
      states.push(...(await Promise.all(sent)));
    }
    expect(states.filter((s) => s.status !== "received")).toEqual([]);
    const references = new Set(states.map((s) => (s.status === "received" ? s.reference : "")));
    expect(references.size).toBe(TOTAL);
    expect(await countRows(t.db)).toBe(TOTAL);
    const rates = await t.db
      .selectFrom("rate_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(rates.n)).toBe(TOTAL);
  });
});
