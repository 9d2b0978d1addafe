import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { runDueSchedules } from "@/lib/content/scheduled/run-schedules";
import { loadSite } from "@/lib/content/site/site";
import { addPageRevision, listPageRevisions } from "@/lib/db/content-revisions";
import { getPageDraft } from "@/lib/db/page-drafts";
import {
  addScheduledPublish,
  CLAIM_LEASE_MS,
  claimSchedule,
  getScheduledPublish,
} from "@/lib/db/scheduled-publishes";
import type { Database } from "@/lib/db/types";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * A new page scheduled for later: not a page until it is due (no revision,
 * so no visitor, sitemap or count sees it), then published once under its
 * person while its address is still free; when someone made a page there
 * meanwhile, theirs stays and the text becomes the scheduler's new-page draft.
 */
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const siteOf = (db: Kysely<Database>) => () => loadSite(db, { includeDrafts: true });
const frontmatter = {
  title: "Sciatica",
  description: "What helps.",
  lastReviewed: "2026-11-01",
};

let counter = 0;

describe.each(DATABASES)("a scheduled new page, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  async function scheduleNew(due: number, slug = `sciatica-${(counter += 1)}`) {
    const { schedule } = await addScheduledPublish(t.db, {
      slug,
      frontmatter,
      body: "Sciatica is a pain that runs down the leg.\n",
      note: null,
      baseHash: null,
      parentId: 0,
      dueAt: at(due),
      accountId: "acc-rita",
      author: "Rita",
      now: at(0),
      newPage: true,
    });
    return schedule;
  }

  it("is nobody's page until it is due, then is published once by itself", async () => {
    const row = await scheduleNew(10);
    expect(row.new_page).toBe(1);
    await runDueSchedules(t.db, { server: "a", now: () => at(9), site: siteOf(t.db) });
    const before = await loadSite(t.db);
    expect(before.pages.some((p) => p.slug === row.slug)).toBe(false);
    expect(before.entries.some((e) => e.slug === row.slug)).toBe(false);

    const second = t.reopen();
    try {
      const [a, b] = await Promise.all([
        runDueSchedules(t.db, { server: "a", now: () => at(10), site: siteOf(t.db) }),
        runDueSchedules(second, { server: "b", now: () => at(10), site: siteOf(second) }),
      ]);
      expect(a.published + b.published).toBe(1);
      expect(a.failed + b.failed + a.errors + b.errors).toBe(0);
    } finally {
      await second.destroy();
    }
    expect(await listPageRevisions(t.db, row.slug)).toMatchObject([
      { action: "publish", author: "Rita", account_id: "acc-rita", parent_id: 0 },
    ]);
    expect(await getScheduledPublish(t.db, row.id)).toMatchObject({
      state: "published",
      result: "Published",
    });
    const after = await loadSite(t.db);
    expect(after.entries.find((e) => e.slug === row.slug)?.frontmatter.title).toBe("Sciatica");
  });

  it("recognises its own first publish after its server stopped half-way", async () => {
    const row = await scheduleNew(20);
    expect(await claimSchedule(t.db, row, "a", at(20))).toBe(true);
    await addPageRevision(t.db, {
      slug: row.slug,
      author: "Rita",
      accountId: "acc-rita",
      note: null,
      action: "publish",
      frontmatter,
      body: row.body,
      baseHash: null,
      parentId: 0,
      now: at(20),
    });
    const later = () => new Date(at(20).getTime() + CLAIM_LEASE_MS + 60_000);
    expect(
      await runDueSchedules(t.db, { server: "b", now: later, site: siteOf(t.db) }),
    ).toMatchObject({ published: 1, failed: 0 });
    expect(await listPageRevisions(t.db, row.slug)).toHaveLength(1);
  });

  it("fails when someone made a page at its address meanwhile, keeping theirs and the text as a draft", async () => {
    const row = await scheduleNew(30);
    const bens = await addPageRevision(t.db, {
      slug: row.slug,
      author: "Ben",
      accountId: "acc-ben",
      note: null,
      action: "publish",
      frontmatter: { ...frontmatter, title: "Ben's sciatica page" },
      body: "Ben's text.\n",
      baseHash: null,
      parentId: 0,
      now: at(25),
    });
    expect(bens.ok).toBe(true);
    expect(
      await runDueSchedules(t.db, { server: "a", now: () => at(30), site: siteOf(t.db) }),
    ).toMatchObject({ published: 0, failed: 1 });
    expect((await listPageRevisions(t.db, row.slug)).map((r) => r.author)).toEqual(["Ben"]);
    const done = await getScheduledPublish(t.db, row.id);
    expect(done?.state).toBe("failed");
    expect(done?.result).toMatch(
      new RegExp(
        `^Not published: Ben made a page at /${row.slug} at \\d\\d:\\d\\d, after this new page was scheduled, so the address is taken and their page stays\\. The scheduled text is kept with this schedule and as Rita's new page draft\\. Open New page and continue the draft: choose another address`,
      ),
    );
    const draft = await getPageDraft(t.db, { owner: "account:acc-rita", page: "new" });
    expect(draft?.data).toMatchObject({
      slug: row.slug,
      isNew: true,
      body: row.body,
      fields: { title: "Sciatica" },
    });
  });

  it("fails when a page at its address now comes from content/", async () => {
    // Rita's new-page draft from the test before is hers to finish: it is left as it was.
    const row = await scheduleNew(40, "benefits");
    expect(
      await runDueSchedules(t.db, { server: "a", now: () => at(40), site: siteOf(t.db) }),
    ).toMatchObject({ published: 0, failed: 1 });
    expect(await listPageRevisions(t.db, "benefits")).toEqual([]);
    const done = await getScheduledPublish(t.db, row.id);
    expect(done?.result).toContain(
      "Not published: a page at /benefits now comes from content/, after this new page was scheduled",
    );
    expect(done?.result).toContain("Rita already had a new page draft, which was left as it was");
  });
});
