import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { findTestDatabase } from "../shared/test-postgres";

/*
 * Makes the PostgreSQL tests self-sufficient (tests/shared/test-postgres.ts):
 * TEST_DATABASE_URL, or the installed cluster with a test role and database.
 */
declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    testDatabaseProblem: string;
  }
}

export default function setup(project: TestProject): () => void {
  const { url, problem } = findTestDatabase();
  project.provide("testDatabaseUrl", url);
  project.provide("testDatabaseProblem", problem);
  // The run's default DATA_DIR (vitest.config.ts), made fresh for each run.
  const dataDir = project.config.env.DATA_DIR;
  return () => {
    if (dataDir?.includes("clinic-unit-data-")) rmSync(dataDir, { recursive: true, force: true });
  };
}
