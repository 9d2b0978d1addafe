import { recordAudit } from "@/lib/db/audit-log";
import { closeDb, getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { inviteStaff } from "@/lib/staff/account-links";
import { INVITE_USAGE, parseInviteArgs } from "@/lib/staff/invite-args";
import { ROLE_LABELS } from "@/lib/validations/permissions";
import { TOKEN_HOURS } from "@/lib/staff/tokens";

/**
 * `npm run staff:invite -- <email> --role owner [--name "Full Name"]`: creates
 * a staff account (the first owner, or anyone later) on the database the
 * server uses (DATABASE_URL or DATA_DIR) and prints its one-time set-up link
 * as the last line, so a script can take it with `tail -n 1`. With SMTP_URL
 * set the link is emailed too.
 */
async function main(): Promise<void> {
  const parsed = parseInviteArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`staff:invite: ${parsed.problem}.\n${INVITE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { email, role, name } = parsed.args;
  const db = await getDb();
  const now = new Date();
  const outcome = await inviteStaff(db, { email, role, name, now });
  if (!outcome.ok) {
    console.error(
      `staff:invite: ${outcome.account.email} already has an account (${outcome.account.state}). ` +
        "To let its owner in again, reset it from the accounts page in the staff area.",
    );
    process.exitCode = 1;
    return;
  }
  const { account, link, emailed } = outcome;
  // Nobody is signed in on the command line: the entry says where the invitation came from.
  try {
    await recordAudit(db, {
      at: now,
      actor: null,
      event: "account-invited",
      object: { type: "account", id: account.id },
      detail: { role: account.role, method: "command line" },
      clientHash: null,
    });
  } catch (error) {
    // The invitation stands (its link is below); the missing entry is said, never hidden.
    console.error(`staff:invite: the audit log entry was not written: ${(error as Error).message}`);
  }
  console.info(`Invited ${account.email} as ${ROLE_LABELS[account.role]}.`);
  if (getEnv().SMTP_URL) {
    console.info(
      emailed
        ? `The link was emailed to ${account.email}.`
        : "The email could not be sent (see above): give the link in person.",
    );
  } else {
    console.info("Email is off (SMTP_URL is not set): give the person this link yourself.");
  }
  console.info(
    `The link works once, for ${TOKEN_HOURS} hours; a newer invitation replaces it. Set-up link:`,
  );
  console.info(link);
}

main()
  .catch((error: unknown) => {
    console.error(`staff:invite: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
