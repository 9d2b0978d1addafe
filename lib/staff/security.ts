import "server-only";
import type { Kysely } from "kysely";
import { listPasskeys, type Passkey } from "@/lib/db/staff-passkeys";
import { isTwoStepRequired } from "@/lib/db/staff-settings";
import { getTotp } from "@/lib/db/staff-totp";
import type { Database } from "@/lib/db/types";
import { RECOVERY_CODE_COUNT, remainingRecoveryCodes } from "./recovery-codes";
import { groupKey, pendingTotpSetup } from "./totp";

/* Everything /staff/security shows about one person's two-step methods, read in one place. */
export interface SecurityOverview {
  totpConfirmedAt: string | null;
  pending?: { keyGrouped: string; qrSvg: string };
  remainingCodes: number;
  codeCount: number;
  passkeys: Passkey[];
  required: boolean;
}

export async function loadSecurity(
  db: Kysely<Database>,
  account: { accountId: string; email: string; name: string },
  issuer: string,
): Promise<SecurityOverview> {
  const [totp, setup, remainingCodes, passkeys, required] = await Promise.all([
    getTotp(db, account.accountId),
    pendingTotpSetup(db, { id: account.accountId, email: account.email || account.name }, issuer),
    remainingRecoveryCodes(db, account.accountId),
    listPasskeys(db, account.accountId),
    isTwoStepRequired(db),
  ]);
  return {
    totpConfirmedAt: totp?.secret ? totp.confirmed_at : null,
    pending: setup ? { keyGrouped: groupKey(setup.key), qrSvg: setup.qrSvg } : undefined,
    remainingCodes,
    codeCount: RECOVERY_CODE_COUNT,
    passkeys,
    required,
  };
}
