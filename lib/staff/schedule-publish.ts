import "server-only";
import type { Kysely } from "kysely";
import { redirect } from "next/navigation";
import type { Frontmatter } from "@/lib/content/checks/frontmatter-schema";
import { draftPasses } from "@/lib/content/checks/page-draft";
import type { MergeChoice } from "@/lib/content/merge/merge-page";
import type { Site } from "@/lib/content/types";
import { getPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
import { deletePageDraft } from "@/lib/db/page-drafts";
import { addScheduledPublish, latestSchedules } from "@/lib/db/scheduled-publishes";
import type { Database, ScheduledPublish } from "@/lib/db/types";
import type { EditorState, EditorValues } from "@/lib/validations/editor-state";
import type { StaffActor } from "./actor";
import type { AuditEntry } from "./action-client";
import { staffPageHref } from "./content-params";
import { draftKeyOf } from "./draft-key";
import { checkEditorValues } from "./editor-checks";
import { formatTimeOfDay } from "./format";
import { keepAsDraft } from "./keep-draft";
import { mergeHref, mergeWithLatest } from "./page-merge";
import { byline } from "./publish-steps";
import {
  parseSchedule,
  scheduleQuery,
  scheduleTimeText,
  type ScheduleValues,
} from "./schedule-form";

/*
 * The editor's Schedule button, after the same checks as Publish have passed
 * (lib/actions/edit-page.ts): the text is stored to be published at the time
 * typed, in the clinic's time zone, on top of the revision the editor opened,
 * and the person goes back to the page, which says when it will happen. When
 * someone published the page since it was opened, the text is first merged
 * with theirs exactly as Publish merges (page-merge.ts): combined, it is
 * scheduled on top of their revision; overlapping, the editor opens on the
 * overlaps and nothing is scheduled. A new page is scheduled too: its
 * address is checked again when it is due (lib/content/scheduled/due-publish.ts),
 * and until then it is listed for staff only. Refused: the form comes back
 * with the text and the date and time as typed, and the reason.
 */
export async function scheduleFromEditor(input: {
  values: EditorValues;
  schedule: ScheduleValues;
  frontmatter: Frontmatter;
  /** The content/ file version, for a page that has a file (as Publish stores it). */
  baseHash: string | null;
  /** The page's file in content/, if it has one: where a merge starts when no revision was opened. */
  fileSource: string | undefined;
  /** How each overlap with a colleague's publish was decided, as for Publish. */
  choices: Readonly<Record<string, MergeChoice>>;
  site: Site;
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
  const when = parseSchedule(schedule, input.timeZone, now);
  if (!when.ok) {
    return refused(`Not scheduled. ${when.message} Your text is kept.`, when.field, when.message);
  }
  const latest = await latestPageRevision(db, values.slug);
  if (values.isNew) {
    // The checks found the address free; a colleague's new page waiting for it is said now.
    const [waiting] = await latestSchedules(db, values.slug);
    if (waiting?.state === "pending" && waiting.account_id !== actor.accountId)
      return refused(
        `Not scheduled: a new page at /${values.slug} is already scheduled by ${waiting.author} for ${scheduleTimeText(waiting.due_at, input.timeZone, now)}. Choose another address. Your text is kept.`,
      );
  }
  // Someone published since the editor opened: merged now, as Publish merges, not failed when due.
  let text = { frontmatter: input.frontmatter, body: values.body, parentId: values.parentId };
  let note = values.note.trim() || null;
  if (values.isNew) {
    // A new page goes on top of nothing, or of a deletion of an older page at its address.
    text = { ...text, parentId: latest?.id ?? 0 };
  } else if (latest && latest.id !== values.parentId) {
    const outcome = await mergeWithLatest(db, {
      values,
      fileSource: input.fileSource,
      latest,
      choices: input.choices,
    });
    if (outcome.kind === "deleted")
      return {
        ...refused(
          `Not scheduled: ${latest.author} deleted this page after you opened it. Your text is kept below: publish to bring the page back with it.`,
        ),
        values: { ...values, parentId: latest.id },
      };
    if (outcome.kind === "conflicts") {
      // As Publish does: the typed text waits as this person's draft, the editor opens on the overlaps.
      // The date and time typed come back too, in the address.
      await keepAsDraft(db, actor, values, now);
      const [path, place] = mergeHref(values.slug, input.choices).split("#");
      redirect(`${path}&${scheduleQuery(schedule)}#${place}`);
    }
    const who = `${latest.author}'s changes of ${formatTimeOfDay(latest.created_at, input.site.clinic.timezone)}`;
    const merged = { ...values, ...outcome.text };
    const check = await checkEditorValues(merged, input.site);
    if (!draftPasses(check))
      return refused(
        `Not scheduled: your changes combined with ${who} do not pass the checks (${[...Object.values(check.fieldErrors), ...check.bodyProblems].join("; ")}). Your text is kept; change it and schedule again.`,
      );
    text = { frontmatter: check.frontmatter, body: merged.body, parentId: latest.id };
    note = [note, `Combined with ${who}.`].filter(Boolean).join(" ");
  }
  const { author, accountId } = byline(actor);
  const { schedule: row } = await addScheduledPublish(db, {
    slug: values.slug,
    frontmatter: text.frontmatter,
    body: text.body,
    note,
    baseHash: values.isNew ? null : input.baseHash,
    parentId: text.parentId,
    dueAt: when.dueAt,
    accountId,
    author,
    now,
    newPage: values.isNew,
  });
  // The text now waits in the schedule; the draft it was typed in is done, as after a publish.
  await deletePageDraft(db, draftKeyOf(actor, values), values.draftVersion);
  input.record({
    event: "page-scheduled",
    object: { type: "page", id: `/${values.slug}` },
    detail: { due: row.due_at },
  });
  // A new page has no editor page of its own yet: the page list shows it, waiting.
  if (values.isNew) redirect("/staff/content?notice=scheduled-new");
  const combined = text.parentId !== values.parentId;
  redirect(`${staffPageHref(values.slug)}?notice=${combined ? "scheduled-combined" : "scheduled"}`);
}

/** Said after a schedule combined with a colleague's publish: whose, and of when. */
export async function scheduledCombinedNotice(
  db: Kysely<Database>,
  pending: Pick<ScheduledPublish, "parent_id" | "state"> | undefined,
  timeZone: string,
): Promise<string | undefined> {
  const theirs =
    pending?.state === "pending" ? await getPageRevision(db, pending.parent_id) : undefined;
  return (
    theirs &&
    `Scheduled, combined with ${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, timeZone)}. It is published by itself at the time shown below.`
  );
}
