import "server-only";
import type { Kysely } from "kysely";
import { frontmatterToFields, draftPasses } from "@/lib/content/checks/page-draft";
import type { Frontmatter } from "@/lib/content/checks/frontmatter-schema";
import type { Site } from "@/lib/content/types";
import { addPageRevision, getPageRevision } from "@/lib/db/content-revisions";
import { savePageDraft } from "@/lib/db/page-drafts";
import type { Database, PageRevision, ScheduledPublish } from "@/lib/db/types";
import { draftKeyOf } from "@/lib/staff/draft-key";
import { checkEditorValues } from "@/lib/staff/editor-checks";
import { formatTimeOfDay } from "@/lib/staff/format";
import { mergeWithLatest } from "@/lib/staff/page-merge";
import { SCHEDULE_PUBLISHED, scheduleCombinedResult } from "@/lib/staff/schedule-status";
import type { EditorValues } from "@/lib/validations/editor-state";

/*
 * What one due scheduled publish becomes, once its server holds the row
 * (run-schedules.ts). On the revision it was scheduled on, the text is
 * published as it is. When someone published the page since, it is merged
 * with their version exactly as the editor's Publish merges (page-merge.ts):
 * base = the revision it was scheduled on (or the content/ file), mine = the
 * scheduled text, theirs = the newest. Changes to different parts are
 * published combined, on top of theirs, after the same checks as Publish;
 * overlapping ones publish nothing, and the scheduled text becomes its
 * person's draft of the page, so the editor offers it and its merge view lets
 * them decide place by place. The row keeps the text whatever happens.
 */
export type DueOutcome =
  | { kind: "published"; result: string }
  | { kind: "failed"; result: string; event: "schedule.page-changed" };

export async function publishDueRow(
  db: Kysely<Database>,
  row: ScheduledPublish,
  context: { at: Date; site: () => Promise<Site> },
): Promise<DueOutcome> {
  const { at } = context;
  const frontmatter = JSON.parse(row.frontmatter) as Frontmatter;
  const first = await addPageRevision(db, {
    slug: row.slug,
    author: row.author,
    accountId: row.account_id,
    note: row.note,
    action: "publish",
    frontmatter,
    body: row.body,
    baseHash: row.base_hash,
    parentId: row.parent_id,
    now: at,
  });
  if (first.ok) return { kind: "published", result: SCHEDULE_PUBLISHED };
  const theirs = first.latest;
  if (theirs && isThisPublish(theirs, row))
    return { kind: "published", result: await resultOf(db, theirs, row, context) };
  if (!theirs) throw new Error(`revision ${row.parent_id} of /${row.slug} is gone`);

  const site = await context.site();
  const timeZone = site.clinic.timezone;
  const file = site.pages.find((p) => p.slug === row.slug)?.file;
  const values: EditorValues = {
    slug: row.slug,
    isNew: false,
    fields: frontmatterToFields(frontmatter),
    body: row.body,
    note: row.note ?? "",
    parentId: row.parent_id,
    baseHash: row.base_hash ?? "",
    draftVersion: 0,
  };
  const who = `${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, timeZone)}`;
  const failed = async (reason: string): Promise<DueOutcome> => ({
    kind: "failed",
    event: "schedule.page-changed",
    result: `Not published: ${reason} ${await keepScheduledText(db, row, values, at)}`,
  });

  const outcome = await mergeWithLatest(db, {
    values,
    fileSource: file?.source,
    latest: theirs,
    choices: {},
  });
  if (outcome.kind === "deleted")
    return failed(`${theirs.author} deleted this page after it was scheduled.`);
  if (outcome.kind === "conflicts")
    return failed(
      `${who} overlap the scheduled text (both changed the same ${outcome.merge.conflicts.length === 1 ? "part" : "parts"}), so nothing was published.`,
    );
  const merged = { ...values, ...outcome.text };
  const check = await checkEditorValues(merged, site);
  if (!draftPasses(check))
    return failed(
      `the scheduled text combined with ${who} does not pass the checks (${[...Object.values(check.fieldErrors), ...check.bodyProblems].join("; ")}).`,
    );
  const combined = await addPageRevision(db, {
    slug: row.slug,
    author: row.author,
    accountId: row.account_id,
    note: [row.note, `Combined with ${who}.`].filter(Boolean).join(" "),
    action: "publish",
    frontmatter: check.frontmatter,
    body: merged.body,
    baseHash: row.base_hash,
    parentId: theirs.id,
    now: at,
  });
  // Published again in the moment between: the row is let go and the next look merges again.
  if (!combined.ok) throw new Error(`/${row.slug} was published again while being combined`);
  return { kind: "published", result: scheduleCombinedResult(who) };
}

/**
 * Whether the page's newest revision is this row's own publish, made by a
 * server that then stopped before marking the row: the scheduled text on the
 * scheduled revision, or a combined text made under this row's last claim
 * (a publish is stamped with the instant its server claimed the row).
 */
function isThisPublish(latest: PageRevision, row: ScheduledPublish): boolean {
  if (latest.action !== "publish" || latest.account_id !== row.account_id) return false;
  if (latest.parent_id === row.parent_id && latest.body === row.body) return true;
  return row.claimed_at !== null && latest.created_at === row.claimed_at;
}

/** What a recovered publish says: combined when it went on top of a colleague's revision. */
async function resultOf(
  db: Kysely<Database>,
  mine: PageRevision,
  row: ScheduledPublish,
  context: { site: () => Promise<Site> },
): Promise<string> {
  if (mine.parent_id === row.parent_id) return SCHEDULE_PUBLISHED;
  const theirs = await getPageRevision(db, mine.parent_id);
  if (!theirs) return SCHEDULE_PUBLISHED;
  const { clinic } = await context.site();
  return scheduleCombinedResult(
    `${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, clinic.timezone)}`,
  );
}

/**
 * The scheduled text as its person's draft of the page, so the editor offers
 * it; a draft they already have is newer typing and is left alone (the text
 * stays on the schedule, shown on the page). Says which, for the row's result.
 */
async function keepScheduledText(
  db: Kysely<Database>,
  row: ScheduledPublish,
  values: EditorValues,
  at: Date,
): Promise<string> {
  const kept = "The scheduled text is kept below";
  if (!row.account_id) return `${kept}.`;
  const saved = await savePageDraft(db, draftKeyOf({ accountId: row.account_id }, values), {
    data: values,
    seenVersion: 0,
    now: at,
  });
  return saved.ok
    ? `${kept} and as ${row.author}'s draft of this page: open the page, continue the draft and publish to choose, place by place, what to keep.`
    : `${kept} (${row.author} already had a draft of this page, which was left as it was): copy what is still needed into the editor, then publish or schedule again.`;
}
