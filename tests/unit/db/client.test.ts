import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";

describe("getDb with the embedded default", () => {
  const root = mkdtempSync(path.join(tmpdir(), "clinic-getdb-"));
  const dataDir = path.join(root, "data");
  const saved = { ...process.env };

  beforeAll(() => {
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    resetEnvCache();
  });
  afterAll(async () => {
    await closeDb();
    process.env = { ...saved };
    resetEnvCache();
    rmSync(root, { recursive: true, force: true });
  });

  it("creates DATA_DIR and a migrated SQLite file in WAL mode, once per process", async () => {
    expect(existsSync(dataDir)).toBe(false);
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(existsSync(path.join(dataDir, "clinic.sqlite"))).toBe(true);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(a);
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const keys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(a);
    expect(keys.rows[0]?.foreign_keys).toBe(1);
    const count = await a
      .selectFrom("consultation_requests")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("opens a new handle after closeDb", async () => {
    const before = await getDb();
    await closeDb();
    const after = await getDb();
    expect(after).not.toBe(before);
    await expect(after.selectFrom("rate_events").selectAll().execute()).resolves.toEqual([]);
  });
});
