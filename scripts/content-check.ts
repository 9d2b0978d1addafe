/*
 * `npm run content:check`: every problem in every content file at once, without
 * building, and every page stored in the database under an address no page may
 * have (when there is a database). Exits 1 when there is anything to fix;
 * warnings alone exit 0.
 */
import { checkContent } from "@/lib/content/checks/check-content";
import { storedPageProblems } from "@/lib/content/checks/stored-pages";
import { closeDb, databaseExists, getDb } from "@/lib/db/client";

async function main(): Promise<void> {
  const { entries, errors, warnings } = checkContent();
  if (databaseExists()) errors.push(...(await storedPageProblems(await getDb())));

  for (const warning of warnings) console.warn(`warning  ${warning.file}: ${warning.message}`);
  for (const error of errors) console.error(`error    ${error.file}: ${error.message}`);

  if (errors.length > 0) {
    console.error(`\n${errors.length} problem(s) to fix: problems in files stop the build.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Content OK: ${entries.length} page(s) checked, ${warnings.length} warning(s).`);
}

main()
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
