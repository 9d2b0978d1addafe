import { execFileSync, spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";

/*
 * Makes the PostgreSQL tests self-sufficient. TEST_DATABASE_URL wins; otherwise,
 * as root on a machine with the Debian cluster tools, the installed cluster is
 * started and a test role and database created. If neither works the URL is
 * left empty with the reason, and every PostgreSQL test fails saying how to fix it.
 */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    testDatabaseProblem: string;
  }
}

const ROLE = "clinic_test";
const LOCAL_URL = `postgres://${ROLE}:${ROLE}@127.0.0.1:5432/${ROLE}`;

function psql(sql: string): string {
  return execFileSync("su", ["postgres", "-c", `psql -v ON_ERROR_STOP=1 -tAc "${sql}"`], {
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

export default function setup(project: TestProject): void {
  let url = process.env.TEST_DATABASE_URL ?? "";
  let problem = "";
  if (!url) {
    try {
      url = startLocalCluster();
    } catch (error) {
      problem =
        `No PostgreSQL for tests (${(error as Error).message}). ` +
        "Set TEST_DATABASE_URL=postgres://user:password@host:5432/database to a database the tests may create schemas in.";
    }
  }
  project.provide("testDatabaseUrl", url);
  project.provide("testDatabaseProblem", problem);
}
