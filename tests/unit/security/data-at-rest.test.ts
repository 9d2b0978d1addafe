import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, migrateToLatest, SQLITE_FILE } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { resetSecretCache } from "@/lib/secrets";
import { checkConfiguration } from "@/lib/start-up";

const mode = (file: string) => statSync(file).mode & 0o777;
let root: string;
const saved = { ...process.env };

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "clinic-rest-"));
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetSecretCache();
  rmSync(root, { recursive: true, force: true });
});

describe("data files are private", () => {
  it("creates DATA_DIR 0700 and the database, -wal and -shm 0600", async () => {
    const dataDir = path.join(root, "data");
    const db = createDb({ dataDir });
    await migrateToLatest(db);
    const file = path.join(dataDir, SQLITE_FILE);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
    await db.destroy();
  });

  it("tightens files an earlier version left readable", async () => {
    const dataDir = path.join(root, "data");
    mkdirSync(dataDir, { mode: 0o755 });
    const file = path.join(dataDir, SQLITE_FILE);
    const first = createDb({ dataDir });
    await migrateToLatest(first);
    await first.destroy();
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, "", { mode: 0o644 });
    chmodSync(`${file}-wal`, 0o644);
    const again = createDb({ dataDir });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    await again.destroy();
  });

  it("syncs every commit (synchronous = FULL)", async () => {
    const db = createDb({ dataDir: path.join(root, "data") });
    const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
    expect(rows[0]?.synchronous).toBe(2);
    await db.destroy();
  });
});

describe("a configuration that cannot work stops start-up, naming the variable", () => {
  const configure = (env: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
    resetSecretCache();
  };

  it("DATABASE_URL without APP_SECRET in production", async () => {
    configure({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://u:p@127.0.0.1:1/db",
      APP_SECRET: undefined,
      DATA_DIR: path.join(root, "data"),
    });
    await expect(checkConfiguration()).rejects.toThrow(/APP_SECRET must be set/);
  });

  it("a DATA_DIR that cannot be written", async () => {
    const notADir = path.join(root, "file");
    writeFileSync(notADir, "");
    configure({ DATABASE_URL: undefined, DATA_DIR: path.join(notADir, "data") });
    await expect(checkConfiguration()).rejects.toThrow(/DATA_DIR .* is not writable/);
  });

  it("a bad SMTP_URL or TRUSTED_PROXIES", async () => {
    configure({ DATA_DIR: path.join(root, "data"), SMTP_URL: "smtp://user:pass@:587" });
    await expect(checkConfiguration()).rejects.toThrow(/SMTP_URL/);
    configure({ SMTP_URL: "smtp://mail.example.com:587", TRUSTED_PROXIES: "yes" });
    await expect(checkConfiguration()).rejects.toThrow(/TRUSTED_PROXIES/);
    configure({ TRUSTED_PROXIES: "1" });
    await expect(checkConfiguration()).resolves.toBeUndefined();
  });
});
