import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb } from "@/lib/db/client";

/*
 * The PostgreSQL the tests use, unit and end-to-end. TEST_DATABASE_URL wins;
 * otherwise, as root on a machine with the Debian cluster tools, the installed
 * cluster is started and a test role and database created. If neither works
 * the URL is empty with the reason, and every PostgreSQL test fails saying how to fix it.
 */
const ROLE = "clinic_test";
const LOCAL_URL = `postgres://${ROLE}:${ROLE}@127.0.0.1:5432/${ROLE}`;

function psql(statement: string): string {
  return execFileSync("su", ["postgres", "-c", `psql -v ON_ERROR_STOP=1 -tAc "${statement}"`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

function startLocalCluster(): string {
  const hasTools = spawnSync("sh", ["-c", "command -v pg_ctlcluster"]).status === 0;
  if (!hasTools || process.getuid?.() !== 0) {
    throw new Error("pg_ctlcluster is not installed or we are not root");
  }
  const start = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", "15", "main", "start"], {
    encoding: "utf8",
  });
  if (start.status !== 0 && !/already running/i.test(`${start.stderr}${start.stdout}`)) {
    throw new Error(`pg_ctlcluster could not start the cluster: ${start.stderr.trim()}`);
  }
  if (psql(`SELECT 1 FROM pg_roles WHERE rolname='${ROLE}'`) !== "1") {
    psql(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${ROLE}'`);
  }
  if (psql(`SELECT 1 FROM pg_database WHERE datname='${ROLE}'`) !== "1") {
    psql(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
  }
  return LOCAL_URL;
}

/** The test database's URL, or an empty one and why there is none. */
export function findTestDatabase(): { url: string; problem: string } {
  const url = process.env.TEST_DATABASE_URL ?? "";
  if (url) return { url, problem: "" };
  try {
    return { url: startLocalCluster(), problem: "" };
  } catch (error) {
    return {
      url: "",
      problem:
        `No PostgreSQL for tests (${(error as Error).message}). ` +
        "Set TEST_DATABASE_URL=postgres://user:password@host:5432/database to a database the tests may create schemas in.",
    };
  }
}

/**
 * A uniquely named, empty schema in the test database, and a URL that works in
 * it (its search_path), so test files and test servers never see each other's rows.
 */
export async function freshSchema(
  base: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = createDb({ databaseUrl: base, dataDir: "" });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
      await admin.destroy();
    },
  };
}
