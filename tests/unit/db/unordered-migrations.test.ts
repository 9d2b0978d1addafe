import { sql, type Kysely } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/client";
import { migrationProvider } from "@/lib/db/migrations";
import type { Database } from "@/lib/db/types";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * Migration numbers are handed out before the work lands, so a database may
 * have run a higher one (010) before a lower one (008) arrives: start-up
 * still runs the newcomer instead of refusing the database.
 */
describe.each(DATABASES)("a migration that lands after a higher one on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("still runs", async () => {
    await t.db.schema.dropTable("health_check").execute();
    await sql`DELETE FROM kysely_migration WHERE name = '008-health-check'`.execute(t.db);
    const db = t.db as unknown as Kysely<unknown>;
    const all = await migrationProvider.getMigrations();
    const executed = (await new Migrator({ db, provider: migrationProvider }).getMigrations())
      .filter((m) => m.executedAt)
      .map((m) => m.name);
    expect(executed).toContain("010-content-image-files");
    expect(executed).not.toContain("008-health-check");
    expect(Object.keys(all)).toContain("008-health-check");

    await migrateToLatest(t.db as Kysely<Database>);
    await expect(t.db.selectFrom("health_check").selectAll().execute()).resolves.toEqual([]);
  });
});
