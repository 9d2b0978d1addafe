import "server-only";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { decryptFile, fileStartsWith, isAgeFile } from "./backup-age";
import { CARRIED_FILES, CARRIED_TABLE } from "./backup";
import { SQLITE_FILE } from "./client";
import { ensurePrivateDir, FILE_MODE } from "./data-dir";

export type RestoreOptions = {
  backup: string;
  dataDir: string;
  /** An age key file; needed when the backup is encrypted. */
  identityFile?: string;
  /** Move what DATA_DIR holds aside instead of refusing. */
  replace?: boolean;
  now?: Date;
};

export type RestoreResult = {
  tables: { name: string; rows: number }[];
  restoredFiles: string[];
  /** Where the database and files it replaced were moved. */
  aside?: string;
};

const SQLITE_MAGIC = "SQLite format 3\0";

/**
 * Restores a backup made by npm run db:backup into a stopped server's DATA_DIR.
 * The backup is decrypted or copied to a temporary file in DATA_DIR and checked
 * there (integrity, that it is this site's database); only then are the old
 * files moved aside and the new ones renamed into place, so a failed restore
 * leaves DATA_DIR as it was.
 */
export async function restoreSqlite(options: RestoreOptions): Promise<RestoreResult> {
  const { backup, dataDir } = options;
  if (!existsSync(backup) || !statSync(backup).isFile()) {
    throw new Error(`${backup} does not exist: give the path of a backup file`);
  }
  ensurePrivateDir(dataDir);
  const live = path.join(dataDir, SQLITE_FILE);
  refuseLiveOrKept(live, options.replace);
  const temp = path.join(dataDir, `.restore-${process.pid}.partial`);
  const written: string[] = [];
  try {
    rmSync(temp, { force: true }); // left by a restore that was killed
    await unpack(options, temp);
    const { tables, carried } = checkAndTakeApart(backup, temp);
    for (const { name, content } of carried) {
      const current = path.join(dataDir, name);
      if (!options.replace && existsSync(current) && !readFileSync(current).equals(content)) {
        throw new Error(
          `${current} differs from the one in the backup: add --replace to move it aside and ` +
            "restore the backup's, or restore into an empty DATA_DIR",
        );
      }
    }
    // Checked again just before the swap: a server may have started meanwhile.
    refuseLiveOrKept(live, options.replace);
    const aside = options.replace
      ? moveAside(dataDir, carried, options.now ?? new Date())
      : undefined;
    for (const { name, content } of carried) {
      const partial = path.join(dataDir, `.${name}-${process.pid}.partial`);
      written.push(partial);
      writeFileSync(partial, content, { mode: FILE_MODE, flag: "w" });
      giveToOwnerOf(dataDir, partial);
      renameSync(partial, path.join(dataDir, name));
    }
    chmodSync(temp, FILE_MODE);
    giveToOwnerOf(dataDir, temp);
    renameSync(temp, live);
    return { tables, restoredFiles: carried.map((file) => file.name), aside };
  } finally {
    for (const file of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`, ...written]) {
      rmSync(file, { force: true });
    }
  }
}

/** The backup as a plain SQLite file at `temp`: decrypted when it is an age file. */
async function unpack(options: RestoreOptions, temp: string): Promise<void> {
  const { backup, identityFile } = options;
  if (isAgeFile(backup)) {
    if (!identityFile) {
      throw new Error(
        `${backup} is encrypted: give the key file that opens it with --identity <file> ` +
          "(the one npm run backup:keygen or age-keygen wrote)",
      );
    }
    await decryptFile(backup, identityFile, temp);
  } else if (fileStartsWith(backup, SQLITE_MAGIC)) {
    copyFileSync(backup, temp);
  } else {
    throw new Error(
      `${backup} is neither a SQLite database nor an age-encrypted backup: give a file from ` +
        "DATA_DIR/backups/ (clinic-<time>.sqlite or clinic-<time>.sqlite.age)",
    );
  }
  chmodSync(temp, FILE_MODE);
}

type Carried = { name: string; content: Buffer };

function checkAndTakeApart(
  backup: string,
  temp: string,
): { tables: RestoreResult["tables"]; carried: Carried[] } {
  const db = new SqliteDatabase(temp, { fileMustExist: true });
  try {
    // One file, whatever mode the copy was made in (backups before the carried table were WAL).
    db.pragma("journal_mode = DELETE");
    const problems = db.pragma("integrity_check", { simple: false }) as {
      integrity_check: string;
    }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== "ok") {
      throw new Error(
        `${backup} fails SQLite's integrity check (${problems[0]?.integrity_check ?? "no answer"}): ` +
          "restore an earlier backup",
      );
    }
    const names = (
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
    if (!names.includes("kysely_migration") || !names.includes("consultation_requests")) {
      throw new Error(
        `${backup} is a SQLite database, but not this website's: give a file from DATA_DIR/backups/`,
      );
    }
    const carried = names.includes(CARRIED_TABLE) ? takeCarried(db, backup) : [];
    const tables = names
      .filter((name) => name !== CARRIED_TABLE && !name.startsWith("kysely_"))
      .map((name) => ({
        name,
        rows: (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      }));
    return { tables, carried };
  } finally {
    db.close();
  }
}

/** The DATA_DIR files the backup carries, checked against the known names, then removed from it. */
function takeCarried(db: SqliteDatabase.Database, backup: string): Carried[] {
  const rows = db.prepare(`SELECT name, content FROM ${CARRIED_TABLE}`).all() as Carried[];
  for (const { name } of rows) {
    if (!(CARRIED_FILES as readonly string[]).includes(name)) {
      throw new Error(
        `${backup} carries an unknown file "${name}": it was not made by npm run db:backup`,
      );
    }
  }
  // Overwritten, not only unlinked: the secret lives in DATA_DIR, not in the database's free pages.
  db.pragma("secure_delete = ON");
  db.exec(`DROP TABLE ${CARRIED_TABLE}`);
  return rows;
}

/**
 * Refuses while any process holds the database open. A running server always
 * does (one connection for its lifetime), and SQLite's locks are the kernel's:
 * they vanish with a crashed process, so there is no stale pid file to clear.
 * An exclusive lock is granted only when no other connection exists; closing it
 * then folds the -wal file into the database, leaving one file to move aside.
 */
function refuseLiveOrKept(live: string, replace?: boolean): void {
  if (!existsSync(live) || statSync(live).size === 0) return;
  const db = new SqliteDatabase(live, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new Error(
        `${live} is in use by a running server (or another program): stop it first ` +
          "(systemctl stop clinic-website), then run npm run db:restore again",
      );
    }
    // Not a database any more (the reason for restoring, perhaps): nothing can be using it.
  } finally {
    db.close();
  }
  if (!replace) {
    throw new Error(
      `${live} already holds a database: add --replace to move it aside (into ` +
        "DATA_DIR/before-restore-<time>/) and restore, or set DATA_DIR to an empty folder",
    );
  }
}

function moveAside(dataDir: string, carried: Carried[], now: Date): string | undefined {
  const names = [
    SQLITE_FILE,
    `${SQLITE_FILE}-wal`,
    `${SQLITE_FILE}-shm`,
    ...carried.map((c) => c.name),
  ];
  const present = names.filter((name) => existsSync(path.join(dataDir, name)));
  if (present.length === 0) return undefined;
  const aside = path.join(dataDir, `before-restore-${now.toISOString().replace(/[-:.]/g, "")}`);
  ensurePrivateDir(aside);
  giveToOwnerOf(dataDir, aside);
  for (const name of present) renameSync(path.join(dataDir, name), path.join(aside, name));
  return aside;
}

/**
 * Run as root (sudo on a systemd host), the restored files would be root's and
 * the server, running as its own user, could not open them: they are given to
 * whoever owns DATA_DIR, as the files they replace were.
 */
function giveToOwnerOf(dataDir: string, file: string): void {
  const { uid, gid } = statSync(dataDir);
  if (process.getuid?.() === 0 && uid !== 0) chownSync(file, uid, gid);
}
