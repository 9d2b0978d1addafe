import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDataDirWritable, ensurePrivateDir } from "@/lib/db/data-dir";

/*
 * The check runs in a child process with a time limit: on the old code
 * /proc/cannot-exist spun forever inside one synchronous call, which no test
 * timeout can interrupt in the test's own process. Root may write anywhere, so
 * as root the read-only case is checked by a child running as nobody.
 */
const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const dataDirModule = path.join(root, "lib", "db", "data-dir.ts");
const NOBODY = 65534;

function checkInChild(dir: string): { status: number | null; output: string } {
  // tsx loads the module as CommonJS, so its exports arrive under `default`.
  const script = `import(${JSON.stringify(dataDirModule)}).then(({ default: { checkDataDirWritable } }) => {
    try { checkDataDirWritable(${JSON.stringify(dir)}); console.log("writable"); }
    catch (error) { console.log(error.message); process.exitCode = 1; }
  })`;
  const asRoot = process.getuid?.() === 0;
  const run = spawnSync(process.execPath, [tsx, "--conditions=react-server", "-e", script], {
    cwd: tmpdir(),
    encoding: "utf8",
    timeout: 15_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

describe("start-up stops with DATA_DIR named when it cannot be created or written", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "clinic-data-dir-"));
  chmodSync(scratch, 0o755);
  afterAll(() => {
    chmodSync(scratch, 0o755);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("a folder that cannot exist (/proc/cannot-exist) is refused at once", () => {
    const { status, output } = checkInChild("/proc/cannot-exist");
    expect(output).toMatch(
      /^DATA_DIR \(\/proc\/cannot-exist\) is not writable: ENOENT\. Set DATA_DIR/,
    );
    expect(status).toBe(1);
  });

  it("an existing read-only folder is refused", () => {
    const readOnly = path.join(scratch, "read-only");
    ensurePrivateDir(readOnly);
    chmodSync(readOnly, 0o555);
    const { status, output } = checkInChild(readOnly);
    expect(output).toMatch(
      new RegExp(`^DATA_DIR \\(${readOnly}\\) is not writable: E(ACCES|PERM|ROFS)`),
    );
    expect(status).toBe(1);
  });

  it("a folder this user may not write (owned by another, mode 755) is refused", () => {
    const othersFolder = path.join(scratch, "owned-by-another");
    mkdirSync(othersFolder, { mode: 0o755 });
    if (process.getuid?.() !== 0) chmodSync(othersFolder, 0o555);
    const { status, output } = checkInChild(othersFolder);
    expect(output).toMatch(
      new RegExp(`^DATA_DIR \\(${othersFolder}\\) is not writable: E(ACCES|PERM)`),
    );
    expect(status).toBe(1);
  });

  it("a file where the folder should be is refused, and left as it was", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "not a folder", { mode: 0o644 });
    const { status, output } = checkInChild(file);
    expect(output).toMatch(new RegExp(`^DATA_DIR \\(${file}\\) is not writable: ENOTDIR`));
    expect(status).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it("a writable folder passes, and missing parents are made private one by one", () => {
    const nested = path.join(scratch, "a", "b", "data");
    ensurePrivateDir(nested);
    expect(existsSync(nested)).toBe(true);
    for (const folder of [path.join(scratch, "a"), path.join(scratch, "a", "b"), nested])
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(() => checkDataDirWritable(nested)).not.toThrow();
  });
});
