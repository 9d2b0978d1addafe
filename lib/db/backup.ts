import "server-only";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { SQLITE_FILE } from "./client";
import { ensurePrivateDir, ensurePrivateFile } from "./data-dir";

export const BACKUP_DIR = "backups";
const NAME = /^clinic-\d{8}T\d{6}(\d{3})?Z\.sqlite$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(".", "");
}

/**
 * A consistent copy of the live SQLite database, taken with SQLite's online
 * backup while the site keeps writing, under a read snapshot, so the result is
 * the database as of one moment. Keeps the newest `keep`
 * copies, each readable by the server's user only.
 */
export async function backupSqlite(
  dataDir: string,
  keep: number,
  now: Date = new Date(),
): Promise<{ file: string; removed: string[] }> {
  const dir = path.join(dataDir, BACKUP_DIR);
  ensurePrivateDir(dir);
  const file = path.join(dir, `clinic-${stamp(now)}.sqlite`);
  ensurePrivateFile(file);
  const source = new SqliteDatabase(path.join(dataDir, SQLITE_FILE), { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // All remaining pages in each step: a clinic database is small, and a copy taken
    // in one step cannot be restarted over and over by a busy writer.
    await source.backup(file, { progress: () => 1_000_000 });
  } finally {
    source.close();
  }
  ensurePrivateFile(file);
  const copies = readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort();
  const removed = copies.slice(0, Math.max(0, copies.length - keep));
  for (const name of removed) rmSync(path.join(dir, name));
  return { file, removed };
}
