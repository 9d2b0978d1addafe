import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { runDueSchedules } from "@/lib/content/scheduled/run-schedules";
import { loadSite } from "@/lib/content/site/site";
import { addPageRevision, listPageRevisions } from "@/lib/db/content-revisions";
import { getPageDraft, savePageDraft } from "@/lib/db/page-drafts";
import {
  addScheduledPublish,
  CLAIM_LEASE_MS,
  claimSchedule,
  getScheduledPublish,
} from "@/lib/db/scheduled-publishes";
import type { Database, PageRevision } from "@/lib/db/types";
import { formatTimeOfDay } from "@/lib/staff/format";
import { scheduleStatus } from "@/lib/staff/schedule-status";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * A scheduled publish on a page someone published after it was scheduled:
 * merged when due as the editor's Publish merges. Different paragraphs
 * combine on top of the colleague's version, once, whichever servers look;
 * the same paragraph changed by both publishes nothing, and the scheduled
 * text becomes the scheduler's draft of the page.
 */
const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 9, minute));
const zone = loadClinic().timezone;
const siteOf = (db: Kysely<Database>) => () => loadSite(db, { includeDrafts: true });
const frontmatter = {
  title: "Winter hours",
  description: "When we open.",
  lastReviewed: "2026-11-01",
};
const BASE = "Mondays we open at nine.\n\nFridays we close at five.\n";
const MINE = "Mondays we open at eight.\n\nFridays we close at five.\n";
const THEIRS = "Mondays we open at nine.\n\nFridays we close at four.\n";
const BOTH = "Mondays we open at eight.\n\nFridays we close at four.\n";

let counter = 0;

describe.each(DATABASES)("a due schedule on a changed page, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  /** A page published by Ana, her schedule on it, then Ben's publish of `theirs`. */
  async function changedPage(theirs: string, due: number) {
    counter += 1;
    const slug = `winter-hours-${counter}`;
    const publish = async (body: string, author: string, parentId: number, minute: number) => {
      const added = await addPageRevision(t.db, {
        slug,
        author,
        accountId: `acc-${author.toLowerCase()}`,
        note: null,
        action: "publish",
        frontmatter,
        body,
        baseHash: null,
        parentId,
        now: at(minute),
      });
      if (!added.ok) throw new Error("publish refused");
      return added.revision;
    };
    const first = await publish(BASE, "Ana", 0, 1);
    const { schedule } = await addScheduledPublish(t.db, {
      slug,
      frontmatter,
      body: MINE,
      note: "Earlier Mondays",
      baseHash: null,
      parentId: first.id,
      dueAt: at(due),
      accountId: "acc-ana",
      author: "Ana",
      now: at(2),
    });
    const ben: PageRevision = await publish(theirs, "Ben", first.id, 3);
    return { slug, schedule, ben };
  }

  it("combines changes to different paragraphs, on top of the colleague's, and says so", async () => {
    const { slug, schedule, ben } = await changedPage(THEIRS, 10);
    const counts = await runDueSchedules(t.db, {
      server: "a",
      now: () => at(10),
      site: siteOf(t.db),
    });
    expect(counts).toMatchObject({ published: 1, failed: 0, errors: 0 });

    const [newest, ...older] = await listPageRevisions(t.db, slug);
    expect(older).toHaveLength(2);
    expect(newest).toMatchObject({
      action: "publish",
      author: "Ana",
      account_id: "acc-ana",
      parent_id: ben.id,
      body: BOTH,
    });
    const who = `Ben's changes of ${formatTimeOfDay(ben.created_at, zone)}`;
    expect(newest?.note).toBe(`Earlier Mondays Combined with ${who}.`);
    const row = await getScheduledPublish(t.db, schedule.id);
    expect(row).toMatchObject({ state: "published", result: `Published, combined with ${who}` });
    // The page list and the page say it until the page is published again.
    const status = scheduleStatus(row, { timeZone: zone, latestRevisionAt: newest?.created_at });
    expect(status?.kind).toBe("combined");
    expect(status?.text).toMatch(
      /^Published, combined with Ben's changes of \d\d:\d\d: the publish scheduled for /,
    );
    expect(
      scheduleStatus(row, { timeZone: zone, latestRevisionAt: at(30).toISOString() }),
    ).toBeUndefined();
  });

  it("publishes nothing when both changed the same paragraph, and keeps the text as the scheduler's draft", async () => {
    const { slug, schedule, ben } = await changedPage(
      "Mondays we open at half past nine.\n\nFridays we close at five.\n",
      11,
    );
    const counts = await runDueSchedules(t.db, {
      server: "a",
      now: () => at(11),
      site: siteOf(t.db),
    });
    expect(counts).toMatchObject({ published: 0, failed: 1, errors: 0 });

    const [newest] = await listPageRevisions(t.db, slug);
    expect(newest?.id).toBe(ben.id);
    const row = await getScheduledPublish(t.db, schedule.id);
    expect(row?.state).toBe("failed");
    expect(row?.result).toContain(
      `Not published: Ben's changes of ${formatTimeOfDay(ben.created_at, zone)} overlap the scheduled text`,
    );
    expect(row?.result).toContain(
      "kept with this schedule and as Ana's draft of this page. Open the page and continue the draft",
    );
    expect(row?.body).toBe(MINE);
    // The draft is what the editor offers Ana: her text, on the revision she scheduled it on,
    // so her next Publish merges with Ben's through the editor's merge view.
    const draft = await getPageDraft(t.db, { owner: "account:acc-ana", page: `/${slug}` });
    expect(draft?.data).toMatchObject({
      slug,
      isNew: false,
      body: MINE,
      parentId: schedule.parent_id,
      fields: { title: "Winter hours", description: "When we open." },
    });
  });

  it("leaves a draft typed meanwhile alone, and says the text is on the schedule", async () => {
    const { slug, schedule } = await changedPage(
      "Mondays we open at ten.\n\nFridays we close at five.\n",
      12,
    );
    const key = { owner: "account:acc-ana", page: `/${slug}` };
    await savePageDraft(t.db, key, { data: { body: "Newer typing." }, seenVersion: 0, now: at(4) });
    await runDueSchedules(t.db, { server: "a", now: () => at(12), site: siteOf(t.db) });
    const row = await getScheduledPublish(t.db, schedule.id);
    expect(row?.state).toBe("failed");
    expect(row?.result).toContain("Ana already had a draft of this page, which was left as it was");
    expect((await getPageDraft(t.db, key))?.data).toEqual({ body: "Newer typing." });
  });

  it("combines once when two servers look at the same moment", async () => {
    const { slug, schedule } = await changedPage(THEIRS, 13);
    const second = t.reopen();
    try {
      const [a, b] = await Promise.all([
        runDueSchedules(t.db, { server: "server-a", now: () => at(13), site: siteOf(t.db) }),
        runDueSchedules(second, { server: "server-b", now: () => at(13), site: siteOf(second) }),
      ]);
      expect(a.published + b.published).toBe(1);
      expect(a.failed + b.failed + a.errors + b.errors).toBe(0);
    } finally {
      await second.destroy();
    }
    const revisions = await listPageRevisions(t.db, slug);
    expect(revisions.map((r) => r.body)).toEqual([BOTH, THEIRS, BASE]);
    expect((await getScheduledPublish(t.db, schedule.id))?.state).toBe("published");
  });

  it("recognises its own combined publish after its server stopped half-way", async () => {
    const { slug, schedule, ben } = await changedPage(THEIRS, 14);
    // Server a claimed the row, published the combined text, and stopped before marking it.
    expect(await claimSchedule(t.db, schedule, "a", at(14))).toBe(true);
    const combined = await addPageRevision(t.db, {
      slug,
      author: "Ana",
      accountId: "acc-ana",
      note: null,
      action: "publish",
      frontmatter,
      body: BOTH,
      baseHash: null,
      parentId: ben.id,
      now: at(14),
    });
    expect(combined.ok).toBe(true);
    const later = () => new Date(at(14).getTime() + CLAIM_LEASE_MS + 60_000);
    const counts = await runDueSchedules(t.db, { server: "b", now: later, site: siteOf(t.db) });
    expect(counts).toMatchObject({ published: 1, failed: 0, errors: 0 });
    expect(await listPageRevisions(t.db, slug)).toHaveLength(3);
    expect(await getScheduledPublish(t.db, schedule.id)).toMatchObject({
      state: "published",
      claimed_by: "b",
      result: `Published, combined with Ben's changes of ${formatTimeOfDay(ben.created_at, zone)}`,
    });
  });

  it("fails, saying so, when the version it was scheduled on is no longer stored", async () => {
    const { schedule } = await addScheduledPublish(t.db, {
      slug: `restored-${(counter += 1)}`,
      frontmatter,
      body: MINE,
      note: null,
      baseHash: null,
      parentId: 987_654,
      dueAt: at(15),
      accountId: "acc-ana",
      author: "Ana",
      now: at(2),
    });
    expect(
      await runDueSchedules(t.db, { server: "a", now: () => at(15), site: siteOf(t.db) }),
    ).toMatchObject({ published: 0, failed: 1, errors: 0 });
    expect(await getScheduledPublish(t.db, schedule.id)).toMatchObject({
      state: "failed",
      body: MINE,
      result: expect.stringContaining("the version it was scheduled on is no longer stored"),
    });
    expect(await listPageRevisions(t.db, schedule.slug)).toEqual([]);
  });
});
