import "server-only";
import type { Kysely } from "kysely";
import { recordAudit } from "@/lib/db/audit-log";
import {
  claimSchedule,
  finishSchedule,
  listDueSchedules,
  releaseSchedule,
} from "@/lib/db/scheduled-publishes";
import type { Site } from "@/lib/content/types";
import type { Database, ScheduledPublish } from "@/lib/db/types";
import { errorLine, logEvent } from "@/lib/log";
import { publishDueRow } from "./due-publish";

/*
 * One look for due scheduled publishes, as every server makes every few
 * seconds (schedule-timer.ts). Each due row is first claimed: of several
 * servers, only the one whose UPDATE matched publishes it. The publish is a
 * page revision under the person who scheduled it, made by due-publish.ts: on
 * top of the revision the text was scheduled on, or, when someone published
 * the page meanwhile, merged with theirs as the editor's Publish merges;
 * overlapping changes publish nothing and the row is marked failed, saying
 * whose change overlaps and where the text is kept.
 */
export interface ScheduleRunCounts extends Record<string, number> {
  published: number;
  failed: number;
  /** Due rows another server took first. */
  taken: number;
  /** Rows that met an error: let go, tried again by the next look. */
  errors: number;
}

export async function runDueSchedules(
  db: Kysely<Database>,
  options: {
    server: string;
    now?: () => Date;
    /** The content as it is now: the content/ files a merge starts from, the checks' site. */
    site: () => Promise<Site>;
  },
): Promise<ScheduleRunCounts> {
  const now = options.now ?? (() => new Date());
  const counts: ScheduleRunCounts = { published: 0, failed: 0, taken: 0, errors: 0 };
  for (const row of await listDueSchedules(db, now())) {
    const at = now();
    if (!(await claimSchedule(db, row, options.server, at))) {
      counts.taken += 1;
      continue;
    }
    try {
      const outcome = await publishDueRow(db, row, { at, site: options.site });
      await finishSchedule(db, row.id, options.server, {
        state: outcome.kind,
        result: outcome.result,
        now: at,
      });
      if (outcome.kind === "published") {
        counts.published += 1;
        logEvent("schedule.published", { subject: `/${row.slug}` });
        await auditPublish(db, row, at);
      } else {
        counts.failed += 1;
        logEvent(outcome.event, { subject: `/${row.slug}` });
      }
    } catch (error) {
      counts.errors += 1;
      logEvent("job.failed", {
        job: "scheduled publishes",
        subject: `/${row.slug}`,
        error: errorLine(error),
      });
      await releaseSchedule(db, row.id, options.server).catch(() => undefined);
    }
  }
  return counts;
}

/** The publish goes in the audit log under the person who scheduled it, from no client. */
async function auditPublish(db: Kysely<Database>, row: ScheduledPublish, at: Date): Promise<void> {
  try {
    await recordAudit(db, {
      at,
      actor: row.account_id ? { accountId: row.account_id, name: row.author } : null,
      event: "page-published",
      object: { type: "page", id: `/${row.slug}` },
      detail: { reason: "scheduled" },
      clientHash: null,
    });
  } catch (error) {
    // As audit() does: the publish has happened and stands; the missing entry is said loudly.
    logEvent("audit.failed", {
      action: "page-published",
      subject: `page /${row.slug}`,
      error: errorLine(error),
    });
  }
}
