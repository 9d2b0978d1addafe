import "server-only";
import type { Kysely } from "kysely";
import {
  claimNotification,
  listDueNotifications,
  markNotified,
  markNotifyFailed,
} from "@/lib/db/notifications";
import type { Database } from "@/lib/db/types";
import { composeNewRequestEmail, type MailAddressing } from "./new-request-email";
import type { SendMail } from "./transport";
import { errorLine, logEvent } from "@/lib/log";

/*
 * How long a claimed email is left to the server that claimed it: longer than a
 * send can take (transport.ts gives up within seconds), so no second server
 * sends it while the first is still sending. A server that stops mid-send
 * leaves it to be sent again after the lease.
 */
const LEASE_MS = 2 * 60_000;
const MAX_AUTOMATIC_ATTEMPTS = 12;

/** 1, 2, 4 … minutes, capped at an hour: a short outage heals fast, a long one is not hammered. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export type SweepResult = { sent: number; failed: number };

/**
 * Sends every email that is due. `includeGivenUp` (npm run notify) also
 * retries requests whose automatic retries ran out.
 */
export async function sendDueNotifications(
  db: Kysely<Database>,
  deps: { send: SendMail; mail: MailAddressing; now: () => Date; includeGivenUp?: boolean },
): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, failed: 0 };
  const due = await listDueNotifications(db, deps.now(), { includeGivenUp: deps.includeGivenUp });
  for (const row of due) {
    if (!(await claimNotification(db, row, new Date(deps.now().getTime() + LEASE_MS)))) continue;
    const message = composeNewRequestEmail(
      {
        reference: row.reference,
        urgent: row.urgent === 1,
        preferredContact: row.preferred_contact,
        createdAt: row.created_at,
      },
      deps.mail,
    );
    try {
      await deps.send(message);
      await markNotified(db, row.id, deps.now());
      result.sent += 1;
    } catch (error) {
      const attempts = row.notify_attempts + 1;
      const nextAt =
        attempts >= MAX_AUTOMATIC_ATTEMPTS
          ? null
          : new Date(deps.now().getTime() + retryDelayMs(attempts));
      await markNotifyFailed(db, row.id, attempts, nextAt);
      logEvent(nextAt ? "mail.retry" : "mail.failed", {
        action: "clinic email about a new request",
        subject: row.reference,
        counts: { attempt: attempts },
        error: errorLine(error),
      });
      result.failed += 1;
    }
  }
  return result;
}
