import "server-only";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { SECRET_FILE } from "@/lib/secrets";
import { encrypterFor, encryptFile } from "./backup-age";
import { SQLITE_FILE } from "./client";
import { ensurePrivateDir, ensurePrivateFile } from "./data-dir";

export const BACKUP_DIR = "backups";
const NAME = /^clinic-\d{8}T\d{6}(\d{3})?Z\.sqlite(\.age)?$/;
const PARTIAL = /^\.clinic-.*-(\d+)\.partial$/;

/*
 * A backup is one SQLite file that restores on its own: the database (uploaded
 * images included: they are rows, see content-images.ts) plus the files of
 * DATA_DIR it cannot work without, in this table. Without app-secret, the
 * restored authenticator keys cannot be decrypted and sessions, form tokens
 * and client hashes do not verify. npm run db:restore takes the table out.
 */
export const CARRIED_TABLE = "backup_data_dir_files";
export const CARRIED_FILES = [SECRET_FILE] as const;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(".", "");
}

/**
 * A consistent copy of the live SQLite database, taken with SQLite's online
 * backup while the site keeps writing, under a read snapshot, so the result is
 * the database as of one moment. With a recipient, only the age-encrypted file
 * is kept: the plaintext copy is a temporary file beside it, deleted however
 * the backup ends (one left by a killed run is deleted by the next). Keeps the
 * newest `keep` copies, each readable by the server's user only.
 */
export async function backupSqlite(
  dataDir: string,
  keep: number,
  options: { recipient?: string; now?: Date } = {},
): Promise<{ file: string; removed: string[]; carried: string[] }> {
  // A bad key stops the backup before anything is copied.
  const encrypter = options.recipient ? encrypterFor(options.recipient) : undefined;
  const dir = path.join(dataDir, BACKUP_DIR);
  ensurePrivateDir(dir);
  removeAbandonedPartials(dir);
  const name = `clinic-${stamp(options.now ?? new Date())}.sqlite`;
  const file = path.join(dir, encrypter ? `${name}.age` : name);
  const plain = path.join(dir, `.${name}-${process.pid}.partial`);
  try {
    ensurePrivateFile(plain);
    await copyDatabase(dataDir, plain);
    const carried = carryDataDirFiles(dataDir, plain);
    if (encrypter) {
      const encrypted = path.join(dir, `.${name}.age-${process.pid}.partial`);
      try {
        await encryptFile(encrypter, plain, encrypted);
        renameSync(encrypted, file);
      } finally {
        rmSync(encrypted, { force: true });
      }
    } else {
      renameSync(plain, file);
    }
    return { file, removed: prune(dir, keep), carried };
  } finally {
    rmSync(plain, { force: true });
  }
}

async function copyDatabase(dataDir: string, to: string): Promise<void> {
  const live = path.join(dataDir, SQLITE_FILE);
  if (!existsSync(live)) {
    throw new Error(
      `No database at ${live}: is DATA_DIR the server's (the same as in its environment)?`,
    );
  }
  const source = new SqliteDatabase(live, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // All remaining pages in each step: a clinic database is small, and a copy taken
    // in one step cannot be restarted over and over by a busy writer.
    await source.backup(to, { progress: () => 1_000_000 });
  } finally {
    source.close();
  }
}

/** Writes DATA_DIR's own files into the copy; returns the names of those it found. */
function carryDataDirFiles(dataDir: string, copy: string): string[] {
  const db = new SqliteDatabase(copy, { fileMustExist: true });
  try {
    // One file, no -wal beside it: the copy is read as it is, or encrypted.
    db.pragma("journal_mode = DELETE");
    db.exec(`CREATE TABLE ${CARRIED_TABLE} (name TEXT PRIMARY KEY, content BLOB NOT NULL)`);
    const insert = db.prepare(`INSERT INTO ${CARRIED_TABLE} (name, content) VALUES (?, ?)`);
    const carried = CARRIED_FILES.filter((name) => existsSync(path.join(dataDir, name)));
    for (const name of carried) insert.run(name, readFileSync(path.join(dataDir, name)));
    return carried;
  } finally {
    db.close();
  }
}

function prune(dir: string, keep: number): string[] {
  const copies = readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort();
  const removed = copies.slice(0, Math.max(0, copies.length - keep));
  for (const name of removed) rmSync(path.join(dir, name));
  return removed;
}

/** Plaintext left by a run that was killed (its process is gone), so it is not copied off later. */
function removeAbandonedPartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(PARTIAL.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(path.join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
