import { closeDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { runNotificationSweep } from "@/lib/mail/notification-runner";

/**
 * `npm run notify`: sends every clinic email and visitor acknowledgement still owed, including those whose
 * automatic retries gave up. Safe to run while the site is up. A person runs
 * it after an outage and reads its answer, so the summary stays a sentence;
 * each failure on the way is the server's own JSON event (mail.retry, mail.failed).
 */
async function main(): Promise<void> {
  if (!getEnv().SMTP_URL) {
    console.error("SMTP_URL is not set: email is off, nothing to send.");
    process.exitCode = 1;
    return;
  }
  let total = { sent: 0, failed: 0 };
  for (;;) {
    const sweep = await runNotificationSweep({ includeGivenUp: true });
    total = { sent: total.sent + sweep.sent, failed: total.failed + sweep.failed };
    if (sweep.sent + sweep.failed === 0 || sweep.failed > 0) break;
  }
  console.info(
    `Emails sent (clinic and acknowledgements): ${total.sent}, failed: ${total.failed}.`,
  );
  if (total.failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
