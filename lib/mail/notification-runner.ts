import "server-only";
import { getDb } from "@/lib/db/client";
import { getMailConfig } from "./mail-config";
import {
  sendDueAcknowledgements,
  sendDueNotifications,
  type SweepResult,
} from "./send-due-notifications";
import { smtpSender } from "./transport";
import { timedJob } from "@/lib/log";

/*
 * One sweep at a time per process: a submission arriving mid-sweep asks for
 * another pass instead of starting a second, overlapping one. Kept on
 * globalThis because Next.js may load this module in two bundles.
 */
const key = Symbol.for("clinic-site.notification-runner");
type RunnerState = { running: boolean; again: boolean };
const holder = globalThis as { [key]?: RunnerState };
const state = (holder[key] ??= { running: false, again: false });

export async function runNotificationSweep(
  options: { includeGivenUp?: boolean } = {},
): Promise<SweepResult> {
  // The clinic's details may have been published in the browser since the last sweep.
  const config = await getMailConfig();
  if (!config.smtpUrl) return { sent: 0, failed: 0 };
  const db = await getDb();
  const common = {
    send: smtpSender(config.smtpUrl),
    now: () => new Date(),
    includeGivenUp: options.includeGivenUp,
  };
  const clinic = await sendDueNotifications(db, { ...common, mail: config });
  const visitors = await sendDueAcknowledgements(db, {
    ...common,
    from: config.from,
    clinic: config.clinic,
    enabled: config.acknowledge,
  });
  return { sent: clinic.sent + visitors.sent, failed: clinic.failed + visitors.failed };
}

/** Fire and forget: the visitor's response never waits for the mail server. */
export function kickNotifications(): void {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    try {
      await timedJob("clinic emails", async () => {
        const total = { sent: 0, failed: 0 };
        do {
          state.again = false;
          const sweep = await runNotificationSweep();
          total.sent += sweep.sent;
          total.failed += sweep.failed;
        } while (state.again);
        return total;
      });
    } finally {
      state.running = false;
    }
  })();
}
