import "server-only";
import type { Kysely } from "kysely";
import { promoteSession } from "@/lib/db/staff-sessions";
import type { Database } from "@/lib/db/types";
import { audit } from "./audit";
import { attemptAccountSignIn } from "./lockout";
import { redeemRecoveryCode } from "./recovery-codes";
import type { StaffSession } from "./session";
import { normaliseCode, verifyTotpCode } from "./totp";

/*
 * The second step after a password: a code from the person's app or one of
 * their recovery codes, in one field (the form says which is which). Wrong
 * codes count toward the same per-account and per-device lockout as wrong
 * passwords, so guessing six digits is no easier than guessing a password.
 */
export type SecondStepVerdict = "ok" | "wrong" | "locked";

export async function completeSecondStep(
  db: Kysely<Database>,
  session: StaffSession,
  input: string,
  context: { clientHash: string; now: Date },
): Promise<SecondStepVerdict> {
  const app = normaliseCode(input) !== null;
  // Checked before the lockout's transaction, which holds SQLite's only connection.
  const right = app
    ? await verifyTotpCode(db, session.accountId, input)
    : await redeemRecoveryCode(db, session.accountId, input, context.now);
  const outcome = await attemptAccountSignIn(db, {
    client: context.clientHash,
    account: session.accountId,
    now: context.now,
    passwordIsRight: () => right,
  });
  const actor = {
    accountId: session.accountId,
    name: session.account.name || session.account.email,
  };
  const object = { type: "account" as const, id: session.accountId };
  if (outcome.lockedAccount) await audit("locked", object, undefined, { actor: null });
  if (outcome.verdict !== "ok") {
    await audit(
      "sign-in-failed",
      object,
      { method: app ? "app code" : "recovery code" },
      {
        actor: null,
      },
    );
    return outcome.verdict;
  }
  await promoteSession(db, session.nonce, context.now);
  await audit("signed-in", object, { method: app ? "app code" : "recovery code" }, { actor });
  return "ok";
}
