import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";
import { writeTransaction } from "./write-transaction";

/* Recovery codes by their hashes (lib/staff/recovery-codes.ts makes and hashes them). */
type Db = Kysely<Database>;

/** A new set replaces every earlier code of the account, used or not. */
export async function replaceRecoveryCodes(
  db: Db,
  accountId: string,
  hashes: readonly string[],
  now: Date,
): Promise<void> {
  const created_at = now.toISOString();
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom("staff_recovery_codes").where("account_id", "=", accountId).execute();
    if (hashes.length === 0) return;
    await trx
      .insertInto("staff_recovery_codes")
      .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at })))
      .execute();
  });
}

/** Spends the code with this hash; false when the account has no such unused code. */
export async function spendRecoveryCode(
  db: Db,
  accountId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("staff_recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("account_id", "=", accountId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom("staff_recovery_codes")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("account_id", "=", accountId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
