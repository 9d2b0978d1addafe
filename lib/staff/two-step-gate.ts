import "server-only";
import type { Kysely } from "kysely";
import type { StaffAccount } from "@/lib/db/staff-accounts";
import type { Database, SessionStage } from "@/lib/db/types";

/*
 * What a session owes after the right password: decided here and nowhere
 * else. "full" opens the staff area; "two-step" asks for the second step at
 * /staff/two-step; "enrol" sends a person who must use two-step sign-in but
 * has none yet to set it up. Until two-step sign-in exists, a password is all.
 */
export async function stageAfterPassword(
  _db: Kysely<Database>,
  _account: StaffAccount,
): Promise<SessionStage> {
  return "full";
}
