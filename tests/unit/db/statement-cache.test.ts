import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { reusingStatements } from "@/lib/db/client";

describe("compiled SQLite statements", () => {
  let sqlite: Database.Database;
  afterEach(() => sqlite.close());

  function open() {
    sqlite = reusingStatements(new Database(":memory:"));
    sqlite.exec("create table t (n integer)");
    sqlite.exec("insert into t values (1), (2), (3)");
    return sqlite;
  }

  it("are compiled once per text and reused", () => {
    const db = open();
    const first = db.prepare("select n from t where n > ?");
    expect(first.all(1)).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare("select n from t where n > ?")).toBe(first);
    expect(db.prepare("select n from t where n < ?")).not.toBe(first);
  });

  it("are not shared while one is still being read: a second reader gets its own", () => {
    const db = open();
    const reading = db.prepare("select n from t");
    const rows = reading.iterate();
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = db.prepare("select n from t");
    expect(meanwhile).not.toBe(reading);
    expect(meanwhile.all()).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it("are kept up to a bound, the oldest dropped first", () => {
    const db = open();
    const oldest = db.prepare("select 0");
    for (let i = 1; i <= 200; i += 1) db.prepare(`select ${i}`);
    expect(db.prepare("select 200")).toBe(db.prepare("select 200"));
    expect(db.prepare("select 0")).not.toBe(oldest);
  });

  it("serve Kysely's queries, streams included, and follow a schema change", async () => {
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new SqliteDialect({ database: open() }),
    });
    const seen: number[] = [];
    for await (const row of db.selectFrom("t").select("n").stream()) seen.push(row.n);
    expect(seen).toEqual([1, 2, 3]);
    expect(await db.selectFrom("t").select("n").execute()).toHaveLength(3);
    const first = () => db.selectFrom("t").selectAll().executeTakeFirst();
    expect(await first()).toEqual({ n: 1 });
    await sql`alter table t add column m integer default 7`.execute(db);
    // The same text as before the change, from the kept statement.
    expect(await first()).toEqual({ n: 1, m: 7 });
  });
});
