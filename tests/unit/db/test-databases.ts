import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { inject } from "vitest";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { freshSchema } from "../../shared/test-postgres";

/*
 * A fresh, migrated database per test file: a temporary DATA_DIR for SQLite,
 * a uniquely named schema for PostgreSQL, so files run in parallel safely.
 */
export type TestDb = {
  kind: "sqlite" | "postgres";
  db: Kysely<Database>;
  /** Another connection to the same database, as a second server has (closed by its caller). */
  reopen: () => Kysely<Database>;
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
    reopen: () => createDb({ dataDir }),
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
  const schema = await freshSchema(pgTestUrl());
  const db = createDb({ databaseUrl: schema.url, dataDir: "" });
  await migrateToLatest(db);
  return {
    kind: "postgres",
    db,
    url: schema.url,
    reopen: () => createDb({ databaseUrl: schema.url, dataDir: "" }),
    dispose: async () => {
      await db.destroy();
      await schema.drop();
    },
  };
}

export const DATABASES = [
  { name: "SQLite", open: sqliteTestDb },
  { name: "PostgreSQL", open: postgresTestDb },
] as const;
