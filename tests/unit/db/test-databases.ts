import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Kysely, sql } from "kysely";
import { inject } from "vitest";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";

/*
 * A fresh, migrated database per test file: a temporary DATA_DIR for SQLite,
 * a uniquely named schema for PostgreSQL, so files run in parallel safely.
 */
export type TestDb = {
  kind: "sqlite" | "postgres";
  db: Kysely<Database>;
  dispose: () => Promise<void>;
};

export async function sqliteTestDb(): Promise<TestDb & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-test-"));
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  return {
    kind: "sqlite",
    db,
    dataDir,
    dispose: async () => {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function pgTestUrl(): string {
  const url = inject("testDatabaseUrl");
  if (!url) throw new Error(inject("testDatabaseProblem") || "TEST_DATABASE_URL is not set");
  return url;
}

export async function postgresTestDb(): Promise<TestDb & { url: string }> {
  const base = pgTestUrl();
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = createDb({ databaseUrl: base, dataDir: "" });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = createDb({ databaseUrl: url.toString(), dataDir: "" });
  await migrateToLatest(db);
  return {
    kind: "postgres",
    db,
    url: url.toString(),
    dispose: async () => {
      await db.destroy();
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
      await admin.destroy();
    },
  };
}

export const DATABASES = [
  { name: "SQLite", open: sqliteTestDb },
  { name: "PostgreSQL", open: postgresTestDb },
] as const;
