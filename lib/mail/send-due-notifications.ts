import "server-only";
import type { Kysely } from "kysely";
import {
  claimNotification,
  listDueNotifications,
  markNotified,
  markNotifyFailed,
  withdrawAcknowledgements,
  type NotificationKind,
  type NotificationRow,
} from "@/lib/db/notifications";
import type { Database } from "@/lib/db/types";
import { storedRedFlagLevel } from "@/lib/validations/consultation-fields";
import { composeAcknowledgementEmail, type AcknowledgementClinic } from "./acknowledgement-email";
import { composeNewRequestEmail, type MailAddressing, type MailMessage } from "./new-request-email";
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

type SweepDeps = { send: SendMail; now: () => Date; includeGivenUp?: boolean };

/**
 * Sends every clinic email that is due. `includeGivenUp` (npm run notify)
 * also retries requests whose automatic retries ran out.
 */
export async function sendDueNotifications(
  db: Kysely<Database>,
  deps: SweepDeps & { mail: MailAddressing },
): Promise<SweepResult> {
  return sweep(db, deps, "clinic", "clinic email about a new request", (row) =>
    composeNewRequestEmail(
      {
        reference: row.reference,
        urgent: row.urgent === 1,
        preferredContact: row.preferred_contact,
        createdAt: row.created_at,
      },
      deps.mail,
    ),
  );
}

/**
 * Sends every visitor's acknowledgement that is due, with the same claim and
 * retries. When the clinic has since turned acknowledgements off (clinic
 * details), the ones still queued are withdrawn instead: the setting is read
 * at send time, not only when the request arrived.
 */
export async function sendDueAcknowledgements(
  db: Kysely<Database>,
  deps: SweepDeps & { from: string; clinic: AcknowledgementClinic; enabled: boolean },
): Promise<SweepResult> {
  if (!deps.enabled) {
    const withdrawn = await withdrawAcknowledgements(db);
    if (withdrawn > 0) logEvent("mail.acknowledgements-withdrawn", { counts: { withdrawn } });
    return { sent: 0, failed: 0 };
  }
  return sweep(db, deps, "acknowledgement", "acknowledgement to the visitor", (row) =>
    composeAcknowledgementEmail(
      {
        reference: row.reference,
        level: storedRedFlagLevel(row.urgent, row.red_flag_level),
        preferredContact: row.preferred_contact,
        to: row.email,
      },
      deps.clinic,
      deps.from,
    ),
  );
}

async function sweep(
  db: Kysely<Database>,
  deps: SweepDeps,
  kind: NotificationKind,
  action: string,
  compose: (row: NotificationRow) => MailMessage,
): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, failed: 0 };
  const due = await listDueNotifications(db, deps.now(), {
    includeGivenUp: deps.includeGivenUp,
    kind,
  });
  for (const row of due) {
    if (!(await claimNotification(db, row, new Date(deps.now().getTime() + LEASE_MS), kind)))
      continue;
    try {
      // Composed inside the try: a message that cannot be built (a header with a line break)
      // is a failed send to retry or look at, not a crash of the whole sweep.
      await deps.send(compose(row));
      await markNotified(db, row.id, deps.now(), kind);
      if (kind === "acknowledgement") {
        // The reference only: never the visitor's address.
        logEvent("mail.acknowledged", { subject: row.reference });
      }
      result.sent += 1;
    } catch (error) {
      const attempts = row.notify_attempts + 1;
      const nextAt =
        attempts >= MAX_AUTOMATIC_ATTEMPTS
          ? null
          : new Date(deps.now().getTime() + retryDelayMs(attempts));
      await markNotifyFailed(db, row.id, attempts, nextAt, kind);
      logEvent(nextAt ? "mail.retry" : "mail.failed", {
        action,
        subject: row.reference,
        counts: { attempt: attempts },
        error: errorLine(error),
      });
      result.failed += 1;
    }
  }
  return result;
}
