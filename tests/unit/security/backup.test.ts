import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateIdentity, identityToRecipient } from "age-encryption";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKUP_DIR, backupSqlite } from "@/lib/db/backup";
import { createDb, SQLITE_FILE } from "@/lib/db/client";
import { insertRequest } from "../../shared/insert-request";
import { sqliteTestDb } from "../db/test-databases";

describe("npm run db:backup", () => {
  let t: Awaited<ReturnType<typeof sqliteTestDb>>;
  const restoreRoot = mkdtempSync(path.join(tmpdir(), "clinic-restore-"));
  beforeAll(async () => {
    t = await sqliteTestDb();
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(restoreRoot, { recursive: true, force: true });
  });

  it("copies the live database while it is written, and the copy restores every row", async () => {
    const before: string[] = [];
    for (let i = 0; i < 300; i += 1) before.push(await insertRequest(t.db));
    // The site keeps taking requests during the backup.
    let writing = true;
    const during: string[] = [];
    const writer = (async () => {
      while (writing) {
        during.push(await insertRequest(t.db));
        // Let the backup's own steps run between writes, as requests arrive between them.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const { file } = await backupSqlite(t.dataDir, 14);
    writing = false;
    await writer;

    expect(during.length).toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

    // Restore: the copy becomes clinic.sqlite in an empty DATA_DIR.
    const dataDir = path.join(restoreRoot, "data");
    mkdirSync(dataDir, { mode: 0o700 });
    copyFileSync(file, path.join(dataDir, SQLITE_FILE));
    const db = createDb({ dataDir });
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    expect(check.rows[0]?.integrity_check).toBe("ok");
    const rows = await db.selectFrom("consultation_requests").select("reference").execute();
    const found = new Set(rows.map((r) => r.reference));
    expect(before.filter((reference) => !found.has(reference))).toEqual([]);
    // Whatever else it holds was written during the backup: one consistent moment, no torn rows.
    expect(rows.length).toBeLessThanOrEqual(before.length + during.length);
    await db.destroy();
  });

  it(`keeps the newest BACKUP_KEEP copies, encrypted or not`, async () => {
    const recipient = await identityToRecipient(await generateIdentity());
    for (let i = 0; i < 4; i += 1) {
      const now = new Date(Date.UTC(2030, 0, 1, 0, 0, i));
      await backupSqlite(t.dataDir, 2, { now, recipient: i === 3 ? recipient : undefined });
    }
    const left = readdirSync(path.join(t.dataDir, BACKUP_DIR)).sort();
    expect(left).toEqual([
      "clinic-20300101T000002000Z.sqlite",
      "clinic-20300101T000003000Z.sqlite.age",
    ]);
  });
});
