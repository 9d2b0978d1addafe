import { sql, type Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/client";
import { migrationProvider } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/types";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * Requests stored before the two levels existed get their level from the signs
 * they ticked, so the inbox orders and labels them like new ones.
 */
async function insertOld(db: Kysely<Database>, reference: string, flags: string, urgent: number) {
  await sql`INSERT INTO consultation_requests (reference, idempotency_key, created_at, full_name,
    email, preferred_contact, pain_area, pain_duration, preferred_times, first_visit, red_flags,
    urgent, status, client_hash, notify_state)
    VALUES (${reference}, ${`${reference}-key`}, ${new Date().toISOString()}, 'Old Patient',
    'old@example.com', 'email', 'neck', 'over-3-months', '[]', 1, ${flags}, ${urgent}, 'new', 'h',
    'off')`.execute(db);
}

describe.each(DATABASES)("migration 003 on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("gives earlier urgent requests the level of the signs they ticked", async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    const down = await migrator.migrateTo("002-revoked-staff-sessions");
    expect(down.error).toBeUndefined();
    await insertOld(t.db, "OLD-EMERGENCY", '["night-pain","saddle-numbness"]', 1);
    await insertOld(t.db, "OLD-INJURY", '["injury"]', 1);
    await insertOld(t.db, "OLD-TODAY", '["fever-weight-cancer","night-pain"]', 1);
    await insertOld(t.db, "OLD-UNREADABLE", "not json", 1);
    await insertOld(t.db, "OLD-PLAIN", "[]", 0);

    await migrateToLatest(t.db);
    const rows = await t.db
      .selectFrom("consultation_requests")
      .select(["reference", "red_flag_level"])
      .where("reference", "like", "OLD-%")
      .orderBy("reference")
      .execute();
    expect(rows).toEqual([
      { reference: "OLD-EMERGENCY", red_flag_level: "emergency" },
      { reference: "OLD-INJURY", red_flag_level: "emergency" },
      { reference: "OLD-PLAIN", red_flag_level: null },
      { reference: "OLD-TODAY", red_flag_level: "urgent" },
      { reference: "OLD-UNREADABLE", red_flag_level: "emergency" },
    ]);
  });
});
