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

export default function setup(project: TestProject): void {
  const { url, problem } = findTestDatabase();
  project.provide("testDatabaseUrl", url);
  project.provide("testDatabaseProblem", problem);
}
