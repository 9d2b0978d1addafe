import "server-only";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/*
 * DATA_DIR holds names, contact details and health information: the folder is
 * for the server's user only (0700) and so is every file in it (0600). Modes
 * are set on creation and tightened at every start, so a copy restored with
 * looser modes, or a file made by an older version, does not stay readable.
 */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/*
 * Missing folders are made one level at a time, not with mkdirSync's
 * `recursive`: for a path such as /proc/cannot-exist (the kernel answers
 * ENOENT under a parent that exists) Node retries that forever, and start-up
 * hung with the server saying Ready instead of stopping with DATA_DIR named.
 */
export function ensurePrivateDir(dir: string): void {
  // A file in its place is named as such, and its mode left alone.
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: "ENOTDIR" });
  }
  const missing: string[] = [];
  for (let at = path.resolve(dir); !existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: DIR_MODE });
    } catch (error) {
      // Another process (a second server, a script) made it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  chmodSync(dir, DIR_MODE);
}

/** Creates the file empty if missing (so SQLite never creates it with the umask) and tightens it. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, "a", FILE_MODE));
  chmodSync(file, FILE_MODE);
}

export function tightenIfPresent(file: string): void {
  if (existsSync(file)) chmodSync(file, FILE_MODE);
}

/**
 * Stops start-up with the variable named when DATA_DIR cannot be written: a
 * read-only disk or a folder owned by someone else would otherwise fail every
 * request later, one at a time.
 */
export function checkDataDirWritable(dir: string): void {
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    ensurePrivateDir(dir);
    writeFileSync(probe, "ok", { mode: FILE_MODE });
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `DATA_DIR (${path.resolve(dir)}) is not writable: ${code}. Set DATA_DIR to a folder this server's user can create and write.`,
    );
  }
}
