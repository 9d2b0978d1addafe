import "server-only";
import type { Kysely } from "kysely";
import type { Database, StaffTotpTable } from "./types";

/*
 * The authenticator-app key of each account. Keys arrive and leave encrypted
 * (lib/staff/totp.ts encrypts them); this module only stores and spends them.
 */
type Db = Kysely<Database>;

export async function getTotp(db: Db, accountId: string): Promise<StaffTotpTable | undefined> {
  return db
    .selectFrom("staff_totp")
    .selectAll()
    .where("account_id", "=", accountId)
    .executeTakeFirst();
}

/** A key being set up (or replacing the one in use, which keeps working until this is confirmed). */
export async function savePendingTotp(
  db: Db,
  accountId: string,
  encrypted: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("staff_totp")
    .values({ account_id: accountId, pending_secret: encrypted, pending_at: at })
    .onConflict((oc) =>
      oc.column("account_id").doUpdateSet({ pending_secret: encrypted, pending_at: at }),
    )
    .execute();
}

/**
 * The pending key becomes the one in use, with the step of the code that
 * confirmed it already spent. Only the pending key the caller checked is
 * promoted: a newer set-up started meanwhile (another tab) is not confirmed by
 * a code from the older one.
 */
export async function confirmPendingTotp(
  db: Db,
  accountId: string,
  checked: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("staff_totp")
    .set({
      secret: checked,
      confirmed_at: now.toISOString(),
      last_used_step: step,
      pending_secret: null,
      pending_at: null,
    })
    .where("account_id", "=", accountId)
    .where("pending_secret", "=", checked)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Spends `step` for the account: true only when no code of this step or a
 * later one was accepted before. One conditional update, so two requests
 * racing with the same code cannot both win.
 */
export async function claimTotpStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("staff_totp")
    .set({ last_used_step: step })
    .where("account_id", "=", accountId)
    .where("secret", "is not", null)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Used when an owner resets an account: the person sets up again from the new link. */
export async function removeTotp(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom("staff_totp").where("account_id", "=", accountId).execute();
}
