/*
 * `npm run content:export`: writes the pages and clinic details published in
 * the browser back into content/, ready to check and commit. Uses the database
 * the site uses (DATABASE_URL or DATA_DIR). Exits 1 when something was left
 * out or the result does not pass content:check.
 */
import { exportContent } from "@/lib/content/files/export-content";
import { checkContent } from "@/lib/content/checks/check-content";
import { closeDb, getDb } from "@/lib/db/client";

async function main(): Promise<void> {
  const report = await exportContent(await getDb());
  for (const name of report.written) console.log(`wrote      content/${name}`);
  for (const name of report.unchanged) console.log(`unchanged  content/${name}`);
  for (const { file, reason } of report.skipped)
    console.warn(`skipped    content/${file}: ${reason}`);
  if (report.written.length + report.unchanged.length + report.skipped.length === 0)
    console.log("Nothing to export: no page or clinic detail has been published in the browser.");

  const { errors } = checkContent();
  for (const error of errors) console.error(`error      ${error.file}: ${error.message}`);
  if (errors.length > 0 || report.skipped.length > 0) process.exitCode = 1;
  else if (report.written.length > 0)
    console.log("\nContent OK. Review the changes with git diff, then commit them.");
}

main()
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
