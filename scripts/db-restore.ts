import path from "node:path";
import { parseArgs } from "node:util";
import { restoreSqlite } from "@/lib/db/restore";
import { getEnv } from "@/lib/env";

const USAGE =
  "Usage: npm run db:restore -- <backup file> [--identity <age key file>] [--replace]\n" +
  "  --identity  the key file that opens a .age backup (from npm run backup:keygen or age-keygen)\n" +
  "  --replace   move the database DATA_DIR holds aside (DATA_DIR/before-restore-<time>/) first";

/**
 * `npm run db:restore -- <file>`: puts a backup made by npm run db:backup
 * (encrypted or not) into a stopped server's DATA_DIR, after checking it, and
 * prints what it holds. SQLite only.
 */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { identity: { type: "string" }, replace: { type: "boolean" } },
    });
  } catch (error) {
    return usage((error as Error).message.replace(/\.$/, ""));
  }
  const [backup, ...extra] = parsed.positionals;
  if (!backup || extra.length > 0) return usage("give exactly one backup file");
  const env = getEnv();
  if (env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is set: this restores SQLite only. Restore PostgreSQL with pg_restore " +
        "(README, Backups and restore), or unset DATABASE_URL to restore into DATA_DIR.",
    );
  }
  const { identity } = parsed.values;
  const result = await restoreSqlite({
    backup: fromWhereTyped(backup),
    dataDir: env.DATA_DIR,
    identityFile: identity === undefined ? undefined : fromWhereTyped(identity),
    replace: parsed.values.replace,
  });
  const width = Math.max(...result.tables.map((table) => table.name.length));
  console.info(`Restored ${backup} into ${path.resolve(env.DATA_DIR)}. Integrity check: ok.`);
  for (const { name, rows } of result.tables) console.info(`  ${name.padEnd(width)}  ${rows}`);
  if (result.restoredFiles.length)
    console.info(`Also restored: ${result.restoredFiles.join(", ")}.`);
  else if (!env.APP_SECRET) {
    console.info(
      "The backup holds no app-secret (it was made with APP_SECRET set, or by an older " +
        "version): unless DATA_DIR/app-secret is the one its server had, set APP_SECRET to that " +
        "server's secret, or authenticator apps must be set up again and signed-in sessions end.",
    );
  }
  if (result.aside) console.info(`What DATA_DIR held before is in ${result.aside}.`);
  console.info("Start the server: it runs any newer migrations at start.");
}

/** npm runs scripts in the project folder; a path typed on the command line means where it was typed. */
function fromWhereTyped(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function usage(problem: string): void {
  console.error(`db:restore: ${problem}.\n${USAGE}`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
