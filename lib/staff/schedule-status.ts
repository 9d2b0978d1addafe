import type { ScheduledPublish } from "@/lib/db/types";
import { scheduleTimeText } from "./schedule-form";

/*
 * What staff are told about a page's newest schedule, on its editor and in
 * the page list: one written once, so both say the same. A pending one says
 * when and by whom; a failed one says why until the page is published again
 * (after that the failure is old news); published and cancelled ones are
 * history and say nothing.
 */
export type ScheduleStatus =
  | { kind: "pending"; text: string; row: ScheduledPublish }
  | { kind: "failed"; text: string; reason: string; row: ScheduledPublish };

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
  if (row.state === "failed" && !seenSince) {
    return {
      kind: "failed",
      text: `The publish scheduled for ${when} by ${row.author} was not made`,
      reason: row.result ?? "",
      row,
    };
  }
  return undefined;
}
