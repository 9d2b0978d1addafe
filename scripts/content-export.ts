import path from "node:path";
import { format, resolveConfig } from "prettier";
import { exportContent } from "@/lib/content/export-content";
import { closeDb, getDb } from "@/lib/db/client";

/*
 * Writes pages and clinic details published in the browser back into
 * content/, formatted as `npm run format:check` expects. Uses the same
 * DATA_DIR / DATABASE_URL as the server.
 */
async function main() {
  const written = await exportContent(await getDb(), {
    format: async (text, file) => format(text, { ...(await resolveConfig(file)), filepath: file }),
  });
  await closeDb();
  if (written.length === 0) {
    console.log("Nothing to export: content/ already has everything published in the browser.");
    return;
  }
  console.log(`Wrote ${written.length} file(s):`);
  for (const file of written) console.log(`  ${path.relative(process.cwd(), file)}`);
  console.log("Run npm run content:check, then commit them.");
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
