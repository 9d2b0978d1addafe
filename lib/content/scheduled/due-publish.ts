import "server-only";
import type { Kysely } from "kysely";
import { frontmatterToFields, draftPasses } from "@/lib/content/checks/page-draft";
import type { Frontmatter } from "@/lib/content/checks/frontmatter-schema";
import type { Site } from "@/lib/content/types";
import { addPageRevision, getPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
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
  | {
      kind: "failed";
      result: string;
      event: "schedule.page-changed" | "schedule.address-taken" | "schedule.checks-failed";
    };

export async function publishDueRow(
  db: Kysely<Database>,
  row: ScheduledPublish,
  context: { at: Date; site: () => Promise<Site> },
): Promise<DueOutcome> {
  if (row.new_page) return publishNewPage(db, row, context);
  const { at } = context;
  const frontmatter = JSON.parse(row.frontmatter) as Frontmatter;
  // Its own publish, made by a server that stopped before marking the row: nothing to check again.
  const newest = await latestPageRevision(db, row.slug);
  if (newest && isThisPublish(newest, row))
    return { kind: "published", result: await resultOf(db, newest, row, context) };
  const refused = await failsChecks(db, row, await context.site(), at);
  if (refused) return refused;
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
  // Published by the row's earlier claimant in the moment since the look above.
  if (theirs && isThisPublish(theirs, row))
    return { kind: "published", result: await resultOf(db, theirs, row, context) };
  // Its revisions are gone (a database restored from an older copy): nothing to merge with.
  if (!theirs)
    return {
      kind: "failed",
      event: "schedule.page-changed",
      result:
        "Not published: the version it was scheduled on is no longer stored. The scheduled text is kept with this schedule: copy what is still needed into the editor, then publish or schedule again.",
    };

  const site = await context.site();
  const timeZone = site.clinic.timezone;
  const file = site.pages.find((p) => p.slug === row.slug)?.file;
  const values = scheduledValues(row);
  const who = `${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, timeZone)}`;
  const failed = async (reason: string): Promise<DueOutcome> => ({
    kind: "failed",
    event: "schedule.page-changed",
    result: `Not published: ${reason} ${await keepScheduledText(db, row, values, at)} ${ON_EXISTING}`,
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
 * A new page's first publish: made only while its address is still free.
 * Someone who made a page there meanwhile (in the browser, or a file in
 * content/) keeps it; the scheduled text then becomes its person's new-page
 * draft, to publish under another address.
 */
async function publishNewPage(
  db: Kysely<Database>,
  row: ScheduledPublish,
  context: { at: Date; site: () => Promise<Site> },
): Promise<DueOutcome> {
  const { at } = context;
  const latest = await latestPageRevision(db, row.slug);
  if (latest && isThisPublish(latest, row))
    return { kind: "published", result: SCHEDULE_PUBLISHED };
  const site = await context.site();
  // The database answers for browser pages (the loaded site may be a second old); the site for files.
  const made = latest?.action === "publish" ? latest : undefined;
  const file = site.pages.find((p) => p.slug === row.slug && p.source !== undefined);
  if (made || file) {
    const values = scheduledValues(row);
    const who = made
      ? `${made.author} made a page at /${row.slug} at ${formatTimeOfDay(made.created_at, site.clinic.timezone)}`
      : `a page at /${row.slug} now comes from content/`;
    return {
      kind: "failed",
      event: "schedule.address-taken",
      result: `Not published: ${who}, after this new page was scheduled, so the address is taken and their page stays. ${await keepScheduledText(db, row, values, at)} ${ON_NEW}`,
    };
  }
  const refused = await failsChecks(db, row, site, at);
  if (refused) return refused;
  const added = await addPageRevision(db, {
    slug: row.slug,
    author: row.author,
    accountId: row.account_id,
    note: row.note,
    action: "publish",
    frontmatter: JSON.parse(row.frontmatter) as Frontmatter,
    body: row.body,
    baseHash: null,
    // On top of a deletion of an older page at this address, as the editor's first publish goes.
    parentId: latest?.id ?? 0,
    now: at,
  });
  // A page made at the address in the moment between: the next look finds it and says so.
  if (!added.ok) throw new Error(`a page was made at /${row.slug} while publishing`);
  return { kind: "published", result: SCHEDULE_PUBLISHED };
}

/** The scheduled page as the editor holds it, for the checks and for a draft. */
function scheduledValues(row: ScheduledPublish): EditorValues {
  const isNew = Boolean(row.new_page);
  return {
    slug: row.slug,
    isNew,
    fields: frontmatterToFields(JSON.parse(row.frontmatter) as Frontmatter),
    body: row.body,
    note: row.note ?? "",
    parentId: isNew ? 0 : row.parent_id,
    baseHash: isNew ? "" : (row.base_hash ?? ""),
    draftVersion: 0,
  };
}

/**
 * Publish's checks once more, on the text as it stands when due: a source,
 * image or page it names may have gone since it was scheduled, and a page
 * that cannot be shown is never published. Failing, the text is kept as
 * for an overlap.
 */
async function failsChecks(
  db: Kysely<Database>,
  row: ScheduledPublish,
  site: Site,
  at: Date,
): Promise<DueOutcome | undefined> {
  const values = scheduledValues(row);
  const check = await checkEditorValues(values, site);
  if (draftPasses(check)) return undefined;
  const problems = [...Object.values(check.fieldErrors), ...check.bodyProblems].join("; ");
  return {
    kind: "failed",
    event: "schedule.checks-failed",
    result: `Not published: the scheduled text no longer passes the checks (${problems}). ${await keepScheduledText(db, row, values, at)} ${row.new_page ? "Open New page" : "Open the page"} and continue the draft: correct it, then publish or schedule it again.`,
  };
}

const ON_EXISTING =
  "Open the page and continue the draft: Publish then shows, place by place, what to keep.";
const ON_NEW =
  "Open New page and continue the draft: choose another address, then publish or schedule it again.";

/**
 * The scheduled text as its person's draft of the page (or new-page draft),
 * so the editor offers it; a draft they already have is newer typing and is
 * left alone (the text stays on the schedule, shown with it). Says which.
 */
async function keepScheduledText(
  db: Kysely<Database>,
  row: ScheduledPublish,
  values: EditorValues,
  at: Date,
): Promise<string> {
  const kept = "The scheduled text is kept with this schedule";
  if (!row.account_id) return `${kept}.`;
  const saved = await savePageDraft(db, draftKeyOf({ accountId: row.account_id }, values), {
    data: values,
    seenVersion: 0,
    now: at,
  });
  return saved.ok
    ? `${kept} and as ${row.author}'s ${values.isNew ? "new page draft" : "draft of this page"}.`
    : `${kept} (${row.author} already had a ${values.isNew ? "new page draft" : "draft of this page"}, which was left as it was: copy from the scheduled text what is still needed).`;
}
