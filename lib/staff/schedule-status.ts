import type { ScheduledPublish } from "@/lib/db/types";
import { scheduleTimeText } from "./schedule-form";

/*
 * What staff are told about a page's newest schedule, on its editor and in
 * the page list: one written once, so both say the same. A pending one says
 * when and by whom; a failed one says why, and one published combined with a
 * colleague's changes says whose, until the page is published again (after
 * that it is old news); other published and cancelled ones are history and
 * say nothing.
 */
export type ScheduleStatus =
  | { kind: "pending"; text: string; row: ScheduledPublish }
  | { kind: "combined"; text: string; row: ScheduledPublish }
  | { kind: "failed"; text: string; reason: string; row: ScheduledPublish };

/** A scheduled publish's result when it went out as scheduled. */
export const SCHEDULE_PUBLISHED = "Published";

/** Its result when it was combined with `who` ("Ben's changes of 14:02"). */
export function scheduleCombinedResult(who: string): string {
  return `${SCHEDULE_PUBLISHED}, combined with ${who}`;
}

export function scheduleStatus(
  row: ScheduledPublish | undefined,
  context: { timeZone: string; latestRevisionAt?: string; now?: Date },
): ScheduleStatus | undefined {
  if (!row) return undefined;
  const when = scheduleTimeText(row.due_at, context.timeZone, context.now);
  if (row.state === "pending") {
    return { kind: "pending", text: `Scheduled for ${when} by ${row.author}`, row };
  }
  const seenSince =
    context.latestRevisionAt !== undefined &&
    row.finished_at !== null &&
    context.latestRevisionAt > row.finished_at;
  if (seenSince) return undefined;
  if (row.state === "published" && row.result && row.result !== SCHEDULE_PUBLISHED) {
    return {
      kind: "combined",
      text: `${row.result}: the publish scheduled for ${when} by ${row.author}`,
      row,
    };
  }
  if (row.state === "failed") {
    return {
      kind: "failed",
      text: `The publish scheduled for ${when} by ${row.author} was not made`,
      reason: row.result ?? "",
      row,
    };
  }
  return undefined;
}
