import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";

/* Clinic-wide staff settings. Migration 013 writes each one's starting value. */
type Db = Kysely<Database>;

const TWO_STEP_REQUIRED = "two-step-required";

/** On unless the owner turned it off; a missing row counts as on, the safe side. */
export async function isTwoStepRequired(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("staff_settings")
    .select("value")
    .where("key", "=", TWO_STEP_REQUIRED)
    .executeTakeFirst();
  return row?.value !== "0";
}

export async function setTwoStepRequired(db: Db, required: boolean, now: Date): Promise<void> {
  const values = { value: required ? "1" : "0", updated_at: now.toISOString() };
  await db
    .insertInto("staff_settings")
    .values({ key: TWO_STEP_REQUIRED, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}
