import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, sql, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from "./data-dir";
import { migrationProvider } from "./migrations";
import type { Database } from "./types";
import { errorLine, logEvent } from "@/lib/log";

export const SQLITE_FILE = "clinic.sqlite";

/** SQLite in `<dataDir>/clinic.sqlite` by default; PostgreSQL when a URL is given. */
export function createDb(options: { databaseUrl?: string; dataDir: string }): Kysely<Database> {
  if (options.databaseUrl) {
    const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
    // A connection dropped by a restarting server, idle or in use: one line, not the client object.
    const lost = (error: Error) => logEvent("db.connection-lost", { error: errorLine(error) });
    pool.on("error", lost);
    pool.on("connect", (client) => client.on("error", lost));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  ensurePrivateDir(options.dataDir);
  const file = path.join(options.dataDir, SQLITE_FILE);
  // SQLite gives the -wal and -shm files the database file's mode, so it is set first.
  ensurePrivateFile(file);
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers (the staff inbox) work while a request is written.
  sqlite.pragma("journal_mode = WAL");
  // FULL syncs the WAL at every commit: a stored request survives a power cut, not only a crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  for (const suffix of ["-wal", "-shm"]) tightenIfPresent(`${file}${suffix}`);
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: reusingStatements(sqlite) }),
  });
}

/*
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL
 * each time: about a fifth of the database time of a consultation submit.
 * The app sends a few dozen distinct texts, so compiled statements are kept
 * (the oldest dropped past a bound, for texts such as IN lists that vary).
 * A statement is reused only when idle: all() and run() finish before they
 * return, and one still being iterated gets a fresh copy. SQLite recompiles
 * a kept statement by itself after a migration changes the schema.
 */
const KEPT_STATEMENTS = 200;

export function reusingStatements(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const kept = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return Object.assign(sqlite, {
    prepare(text: string) {
      const statement = kept.get(text);
      if (statement && !statement.busy) return statement;
      const fresh = prepare(text);
      if (!statement) {
        if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
        kept.set(text, fresh);
      }
      return fresh;
    },
  });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Numbers are handed out before work lands, so one may arrive after a higher one already
    // ran (008 after 010): it still runs. Each adds its own tables or indexes, in any order.
    allowUnorderedMigrations: true,
    ...(await migrationTableSchema(db)),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(
      `Database migration failed${name}: ${String((error as Error)?.message ?? error)}`,
    );
  }
}

/*
 * Unless told a schema, Kysely takes its bookkeeping tables in ANY schema of a
 * PostgreSQL database as its own, then fails to find them in the one in use.
 * Naming the current schema (usually "public", where they have always been)
 * keeps a database shared by several schemas, such as parallel tests, safe.
 */
async function migrationTableSchema(db: Kysely<Database>) {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {};
  const { rows } = await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  return schema ? { migrationTableSchema: schema } : {};
}

/*
 * Next.js may load this module in more than one bundle (instrumentation and
 * the app), so the singleton lives on globalThis: one pool, one migration run.
 */
const globalKey = Symbol.for("clinic-site.db");
type Holder = { [globalKey]?: { db: Kysely<Database>; ready: Promise<Kysely<Database>> } };
const holder = globalThis as Holder;

export function getDb(): Promise<Kysely<Database>> {
  if (!holder[globalKey]) {
    const env = getEnv();
    const db = createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    const ready = migrateToLatest(db).then(() => db);
    // A failed start-up must not poison the process: the next call tries again.
    ready.catch(() => {
      if (holder[globalKey]?.db === db) delete holder[globalKey];
      void db.destroy().catch(() => undefined);
    });
    holder[globalKey] = { db, ready };
  }
  return holder[globalKey].ready;
}

/** Whether there is a database to read, without making one: a URL, or the SQLite file in DATA_DIR. */
export function databaseExists(): boolean {
  const env = getEnv();
  return Boolean(env.DATABASE_URL) || existsSync(path.join(env.DATA_DIR, SQLITE_FILE));
}

export async function closeDb(): Promise<void> {
  const current = holder[globalKey];
  delete holder[globalKey];
  if (current) await current.db.destroy();
}
