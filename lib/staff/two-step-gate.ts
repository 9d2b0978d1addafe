import "server-only";
import type { Kysely } from "kysely";
import { listPasskeys } from "@/lib/db/staff-passkeys";
import type { StaffAccount } from "@/lib/db/staff-accounts";
import { isTwoStepRequired } from "@/lib/db/staff-settings";
import type { Database, SessionStage } from "@/lib/db/types";
import { hasTotp } from "./totp";

/*
 * What a session owes after the right password: decided here and nowhere
 * else. "full" opens the staff area; "two-step" asks for the second step at
 * /staff/two-step; "enrol" sends a person who must use two-step sign-in but
 * has none yet to set it up there, before anything else opens.
 *
 * Whoever has set up an app or a passkey is always asked for it, whatever the
 * clinic's requirement says: turning the requirement off lets people go
 * without, it never weakens an account that has it.
 */
export async function stageAfterPassword(
  db: Kysely<Database>,
  account: Pick<StaffAccount, "id">,
): Promise<SessionStage> {
  const [app, passkeys] = await Promise.all([
    hasTotp(db, account.id),
    listPasskeys(db, account.id),
  ]);
  if (app || passkeys.length > 0) return "two-step";
  return (await isTwoStepRequired(db)) ? "enrol" : "full";
}
