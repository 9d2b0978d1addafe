import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateIdentity, identityToRecipient } from "age-encryption";

/**
 * `npm run backup:keygen -- <file>`: a new age key pair for encrypted backups.
 * The key (identity) goes into <file>, readable by its owner only, in
 * age-keygen's format; the public key is printed for BACKUP_AGE_RECIPIENT.
 * Run it on your own computer, not on the server: the server needs only the
 * public key, and a backup is only as safe as the place the key is kept.
 * It imports nothing from lib/, so plain node runs it (type stripping): no tsx.
 */
async function main(): Promise<void> {
  const [typed, ...extra] = process.argv.slice(2);
  if (!typed || extra.length > 0) {
    console.error(
      "Usage: npm run backup:keygen -- <key file to write>, e.g. clinic-backup-key.txt",
    );
    process.exitCode = 2;
    return;
  }
  // npm runs scripts in the project folder; the path means where it was typed.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), typed);
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const text = `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  try {
    writeFileSync(file, text, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === "EEXIST"
        ? `${file} exists already: choose another name (a key that opens old backups must not be lost)`
        : `Cannot write ${file} (${code})`,
    );
  }
  console.info(
    `Wrote the key that opens backups to ${file}: keep it off the server, and a copy safe.`,
  );
  console.info(`Set this on the server (environment file):\nBACKUP_AGE_RECIPIENT=${recipient}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
