import "server-only";
import type { Kysely } from "kysely";
import { recordAudit } from "@/lib/db/audit-log";
import { addPageRevision } from "@/lib/db/content-revisions";
import {
  claimSchedule,
  finishSchedule,
  listDueSchedules,
  releaseSchedule,
} from "@/lib/db/scheduled-publishes";
import type { Database, PageRevision, ScheduledPublish } from "@/lib/db/types";
import { errorLine, logEvent } from "@/lib/log";

/*
 * One look for due scheduled publishes, as every server makes every few
 * seconds (schedule-timer.ts). Each due row is first claimed: of several
 * servers, only the one whose UPDATE matched publishes it. The publish is a
 * page revision on top of the revision the text was scheduled on, exactly as
 * the editor's Publish adds it and under the person who scheduled it; when
 * someone published the page meanwhile, it is not added (a schedule never
 * replaces a newer version) and the row is marked failed, saying so.
 */
export interface ScheduleRunCounts extends Record<string, number> {
  published: number;
  failed: number;
  /** Due rows another server took first. */
  taken: number;
  /** Rows that met an error: let go, tried again by the next look. */
  errors: number;
}

export const CHANGED_MEANWHILE =
  "Not published: the page was changed after this was scheduled, and a scheduled publish never replaces a newer version. The scheduled text is kept below: copy what is still needed into the editor, then publish or schedule again.";

/** Whether the page's newest revision is this row's publish (made by a server that then stopped). */
function isThisPublish(latest: PageRevision | undefined, row: ScheduledPublish): boolean {
  return (
    latest !== undefined &&
    latest.action === "publish" &&
    latest.parent_id === row.parent_id &&
    latest.body === row.body &&
    latest.account_id === row.account_id
  );
}

export async function runDueSchedules(
  db: Kysely<Database>,
  options: { server: string; now?: () => Date },
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
      const result = await addPageRevision(db, {
        slug: row.slug,
        author: row.author,
        accountId: row.account_id,
        note: row.note,
        action: "publish",
        frontmatter: JSON.parse(row.frontmatter) as Record<string, unknown>,
        body: row.body,
        baseHash: row.base_hash,
        parentId: row.parent_id,
        now: at,
      });
      if (result.ok || isThisPublish(result.latest, row)) {
        await finishSchedule(db, row.id, options.server, {
          state: "published",
          result: "Published",
          now: at,
        });
        counts.published += 1;
        logEvent("schedule.published", { subject: `/${row.slug}` });
        await auditPublish(db, row, at);
      } else {
        await finishSchedule(db, row.id, options.server, {
          state: "failed",
          result: CHANGED_MEANWHILE,
          now: at,
        });
        counts.failed += 1;
        logEvent("schedule.page-changed", { subject: `/${row.slug}` });
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
