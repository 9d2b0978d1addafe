import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientHash } from "@/lib/client-hash";
import { resetEnvCache } from "@/lib/env";
import { getSecretKey, resetSecretCache } from "@/lib/secrets";

let dataDir: string;
const saved = { ...process.env };

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), "clinic-secret-")), "nested");
  process.env.DATA_DIR = dataDir;
  delete process.env.APP_SECRET;
  delete process.env.DATABASE_URL;
  resetEnvCache();
  resetSecretCache();
});

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetSecretCache();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe("secrets", () => {
  it("generates a secret once into DATA_DIR, readable only by its owner, and reuses it", () => {
    const first = getSecretKey("form-token");
    const file = path.join(dataDir, "app-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, "utf8");
    resetSecretCache();
    expect(getSecretKey("form-token").equals(first)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(stored);
  });

  it("derives a different key for each purpose", () => {
    const keys = (["form-token", "client-hash", "staff-session"] as const).map((p) =>
      getSecretKey(p).toString("hex"),
    );
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((k) => k.length === 64)).toBe(true);
  });

  it("uses APP_SECRET when it is set, without writing a file", () => {
    const generated = getSecretKey("form-token");
    process.env.APP_SECRET = "x".repeat(40);
    resetEnvCache();
    resetSecretCache();
    expect(getSecretKey("form-token").equals(generated)).toBe(false);
  });

  it("requires APP_SECRET for PostgreSQL in production, where servers must share it", () => {
    process.env.DATABASE_URL = "postgres://u:p@localhost/db";
    (process.env as Record<string, string>).NODE_ENV = "production";
    resetEnvCache();
    expect(() => getSecretKey("form-token")).toThrow(/APP_SECRET must be set/);
  });
});

describe("client hash", () => {
  it("is a keyed hash that never contains the address", () => {
    process.env.TRUSTED_PROXIES = "1";
    resetEnvCache();
    const hash = clientHash(new Headers({ "x-forwarded-for": "203.0.113.7" }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(clientHash(new Headers({ "x-forwarded-for": "10.0.0.9, 203.0.113.7" })));
    expect(hash).not.toBe(clientHash(new Headers({ "x-forwarded-for": "203.0.113.8" })));
    process.env.APP_SECRET = "y".repeat(40);
    resetEnvCache();
    resetSecretCache();
    expect(clientHash(new Headers({ "x-forwarded-for": "203.0.113.7" }))).not.toBe(hash);
  });
});
