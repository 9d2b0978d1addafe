import "server-only";
import type { Kysely } from "kysely";
import { redirect } from "next/navigation";
import type { Frontmatter } from "@/lib/content/checks/frontmatter-schema";
import { latestPageRevision } from "@/lib/db/content-revisions";
import { deletePageDraft } from "@/lib/db/page-drafts";
import { addScheduledPublish } from "@/lib/db/scheduled-publishes";
import type { Database } from "@/lib/db/types";
import type { EditorState, EditorValues } from "@/lib/validations/editor-state";
import type { StaffActor } from "./actor";
import type { AuditEntry } from "./action-client";
import { staffPageHref } from "./content-params";
import { draftKeyOf } from "./draft-key";
import { byline } from "./publish-steps";
import { parseSchedule, type ScheduleValues } from "./schedule-form";

/*
 * The editor's Schedule button, after the same checks as Publish have passed
 * (lib/actions/edit-page.ts): the text is stored to be published at the time
 * typed, in the clinic's time zone, on top of the revision the editor opened
 * (so it will never replace a change published in between), and the person
 * goes back to the page, which says when it will happen. Refused: the form
 * comes back with the text and the date and time as typed, and the reason.
 */
export async function scheduleFromEditor(input: {
  values: EditorValues;
  schedule: ScheduleValues;
  frontmatter: Frontmatter;
  /** The content/ file version, for a page that has a file (as Publish stores it). */
  baseHash: string | null;
  timeZone: string;
  base: EditorState;
  db: Kysely<Database>;
  now: Date;
  actor: StaffActor;
  record: (entry: AuditEntry) => void;
}): Promise<EditorState> {
  const { values, schedule, base, db, now, actor } = input;
  const refused = (formError: string, field?: "date" | "time", error?: string): EditorState => ({
    ...base,
    schedule: { ...schedule, field, error },
    formError,
  });
  if (values.isNew) {
    return refused(
      "Not scheduled: a new page is published first; later changes to it can then be scheduled. Your text is kept.",
    );
  }
  const when = parseSchedule(schedule, input.timeZone, now);
  if (!when.ok) {
    return refused(`Not scheduled. ${when.message} Your text is kept.`, when.field, when.message);
  }
  // A schedule on top of an old version could only fail when it is due: said now instead.
  const latest = await latestPageRevision(db, values.slug);
  if ((latest?.id ?? 0) !== values.parentId) {
    return refused(
      `Not scheduled: ${latest?.author ?? "someone"} published this page after you opened it. Your text is kept: copy what you need, open the page again to see their version, then schedule.`,
    );
  }
  const { author, accountId } = byline(actor);
  const { schedule: row } = await addScheduledPublish(db, {
    slug: values.slug,
    frontmatter: input.frontmatter,
    body: values.body,
    note: values.note.trim() || null,
    baseHash: input.baseHash,
    parentId: values.parentId,
    dueAt: when.dueAt,
    accountId,
    author,
    now,
  });
  // The text now waits in the schedule; the draft it was typed in is done, as after a publish.
  await deletePageDraft(db, draftKeyOf(actor, values), values.draftVersion);
  input.record({
    event: "page-scheduled",
    object: { type: "page", id: `/${values.slug}` },
    detail: { due: row.due_at },
  });
  redirect(`${staffPageHref(values.slug)}?notice=scheduled`);
}
