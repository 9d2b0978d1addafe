import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/*
 * The service units in deploy/, checked with systemd's own tool. systemd-analyze works on unit
 * files without a running systemd (these machines have none), so it is a test prerequisite like
 * Chromium: scripts/test-prerequisites.sh installs Debian's systemd package when it is missing,
 * and without it these tests fail and say so rather than pass unchecked. What they cannot show
 * is the service running under a real systemd; the README says so.
 */
const DEPLOY = path.join(process.cwd(), "deploy");
const APP_UNIT = "clinic-website.service";
const BACKUP_UNIT = "clinic-website-backup.service";
const UNITS = [APP_UNIT, BACKUP_UNIT, "clinic-website-backup.timer"];
const NPM = "/usr/bin/npm";

function systemdAnalyze(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("systemd-analyze", args, { encoding: "utf8", timeout: 30_000 });
  if (run.error) {
    throw new Error(
      `systemd-analyze could not run (${run.error.message}): run scripts/test-prerequisites.sh, ` +
        "which installs Debian's systemd package, or install systemd by hand",
    );
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The npm on this machine's PATH, for a machine where Node.js is not installed in /usr/bin. */
function npmOnPath(): string {
  const found = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error("npm is not on PATH");
  return found;
}

/*
 * `verify` checks that every Exec command exists and is executable. The units name /usr/bin/npm,
 * where Debian's and NodeSource's packages put it; a developer's Node.js may live elsewhere (a
 * version manager, the Node.js 24 folder CI puts first on PATH), so on such a machine the copies
 * verified here name that npm instead. Nothing else in the files is changed.
 */
const copies = mkdtempSync(path.join(tmpdir(), "clinic-units-"));
afterAll(() => rmSync(copies, { recursive: true, force: true }));
const npm = isExecutable(NPM) ? NPM : npmOnPath();
for (const unit of UNITS) {
  const text = readFileSync(path.join(DEPLOY, unit), "utf8");
  writeFileSync(path.join(copies, unit), text.replaceAll(NPM, npm));
}

const unitText = (unit: string) => readFileSync(path.join(DEPLOY, unit), "utf8");

describe("the systemd units in deploy/", () => {
  it("pass systemd-analyze verify, without a warning about them", () => {
    const result = systemdAnalyze(["verify", ...UNITS.map((unit) => path.join(copies, unit))]);
    const ours = result.stderr
      .split("\n")
      .filter((line) => line.includes(copies) || UNITS.some((unit) => line.includes(unit)));
    expect(ours).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("verify would catch a mistake (a misspelt setting, a missing program)", () => {
    const broken = path.join(copies, "broken.service");
    writeFileSync(broken, "[Service]\nExecStart=/nonexistent/npm start\nProtectSytem=strict\n");
    const result = systemdAnalyze(["verify", broken]);
    expect(result.stderr).toContain("ProtectSytem");
    expect(result.stderr).toContain("/nonexistent/npm");
  });

  for (const unit of [APP_UNIT, BACKUP_UNIT]) {
    it(`${unit}: systemd-analyze security rates its exposure at most 4.0 ("OK" or better)`, () => {
      const result = systemdAnalyze(["security", "--offline=yes", path.join(copies, unit)]);
      const match = /Overall exposure level for \S+: (\d+(?:\.\d+)?) (\S+)/.exec(result.stdout);
      expect(match, result.stdout + result.stderr).not.toBeNull();
      expect(Number(match?.[1])).toBeLessThanOrEqual(4.0);
      expect(["OK", "SAFE"]).toContain(match?.[2]);
    });
  }

  it("run the package.json scripts that exist, under the sandbox the README describes", () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> })
        .scripts,
    );
    const app = unitText(APP_UNIT);
    const backup = unitText(BACKUP_UNIT);
    const named = [...(app + backup).matchAll(/^Exec\w+=\S+\/npm (?:run )?([\w:-]+)/gm)].map(
      (m) => m[1],
    );
    expect(named).toEqual(["db:migrate", "start", "db:backup"]);
    for (const script of named) expect(scripts).toContain(script);
    for (const text of [app, backup]) {
      expect(text).toMatch(/^StateDirectory=clinic-website$/m);
      expect(text).toMatch(/^Environment=DATA_DIR=%S\/clinic-website$/m);
      expect(text).toMatch(/^EnvironmentFile=\/etc\/clinic-website\/env$/m);
      expect(text).toMatch(/^ProtectSystem=strict$/m);
      // V8's JIT needs memory that is writable and then executable: Node.js aborts under it.
      expect(text).not.toMatch(/^MemoryDenyWriteExecute=yes/m);
    }
    expect(app).toMatch(/^Restart=on-failure$/m);
  });

  it("back up daily, catching up a missed day, at a randomized time", () => {
    const timer = unitText("clinic-website-backup.timer");
    expect(timer).toMatch(/^OnCalendar=daily$/m);
    expect(timer).toMatch(/^Persistent=true$/m);
    expect(timer).toMatch(/^RandomizedDelaySec=\S+$/m);
  });
});
