import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLog } from "../log-capture";
import { createDb, SQLITE_FILE } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { START_UP_TIMEOUT_MS, checkDatabaseWrite, healthResponse } from "@/lib/health";
import { DATABASES, postgresTestDb, sqliteTestDb, type TestDb } from "../db/test-databases";

/*
 * /healthz is 200 only when the database takes a write: a database that
 * answers reads but refuses writes (a read-only file or mount, a read-only
 * PostgreSQL) is 503, since every form submit and publish would fail there.
 */
describe.each(DATABASES)("GET /healthz on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("answers 200 ok, never cached, and has written its row", async () => {
    const before = Date.now();
    const response = await healthResponse(Promise.resolve(t.db));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const row = await t.db.selectFrom("health_check").selectAll().executeTakeFirstOrThrow();
    expect(Date.parse(row.checked_at)).toBeGreaterThanOrEqual(before - 1000);
  });
});

async function expectUnavailable(db: Kysely<Database>) {
  const log = captureLog();
  const response = await healthResponse(Promise.resolve(db));
  expect(response.status).toBe(503);
  expect(await response.text()).toBe("unavailable");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(log.events("db.failed")).toEqual([
    expect.objectContaining({
      action: "health check write",
      error: expect.stringMatching(/read.?only/i),
    }),
  ]);
  log.restore();
}

describe("GET /healthz is 503 when the database answers reads but refuses writes", () => {
  it("SQLite opened read-only (as on a read-only disk)", async () => {
    const t = await sqliteTestDb();
    const readOnly = new SqliteDatabase(path.join(t.dataDir, SQLITE_FILE), { readonly: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: readOnly }) });
    // It still reads: the old check (select 1) said ok here.
    await expect(db.selectFrom("page_revisions").selectAll().execute()).resolves.toEqual([]);
    await expectUnavailable(db);
    await db.destroy();
    await t.dispose();
  });

  it("PostgreSQL in read-only transactions (a standby, a read-only role)", async () => {
    const t = await postgresTestDb();
    const url = new URL(t.url);
    url.searchParams.set(
      "options",
      `${url.searchParams.get("options") ?? ""} -c default_transaction_read_only=on`,
    );
    const db = createDb({ databaseUrl: url.toString(), dataDir: "" });
    await expect(db.selectFrom("page_revisions").selectAll().execute()).resolves.toEqual([]);
    await expectUnavailable(db);
    await db.destroy();
    await t.dispose();
  });

  it("a database that does not answer", async () => {
    const gone = createDb({
      databaseUrl: "postgres://nobody:nothing@127.0.0.1:1/none",
      dataDir: "",
    });
    const log = captureLog();
    const response = await healthResponse(Promise.resolve(gone));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("unavailable");
    expect(log.events("db.failed")).toHaveLength(1);
    log.restore();
    await gone.destroy();
  });
});

describe("how long a write may take", () => {
  const never = new Promise<Kysely<Database>>(() => {});

  it("a probe gives up after 2 s: a hung database counts as down", async () => {
    const started = Date.now();
    await expect(checkDatabaseWrite(never)).rejects.toThrow("no answer in 2000 ms");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it("start-up waits longer, so a busy first minute does not stop the server", async () => {
    expect(START_UP_TIMEOUT_MS).toBeGreaterThan(2_000);
    await expect(checkDatabaseWrite(never, 30)).rejects.toThrow("no answer in 30 ms");
  });
});
