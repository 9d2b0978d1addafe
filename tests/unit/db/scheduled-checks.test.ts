import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { runDueSchedules } from "@/lib/content/scheduled/run-schedules";
import { loadSite } from "@/lib/content/site/site";
import { addPageRevision, listPageRevisions } from "@/lib/db/content-revisions";
import { getPageDraft } from "@/lib/db/page-drafts";
import { addScheduledPublish, getScheduledPublish } from "@/lib/db/scheduled-publishes";
import type { Database } from "@/lib/db/types";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * When a schedule is due, its text goes through Publish's checks again: a
 * source, image or page it names may have gone since it was scheduled (here
 * a Cite of a source content/sources.yaml does not hold, written past the
 * editor). Nothing is published, the row says why, and the text becomes the
 * scheduler's draft, for an existing page and a new one alike.
 */
const at = (minute: number) => new Date(Date.UTC(2026, 11, 9, 9, minute));
const siteOf = (db: Kysely<Database>) => () => loadSite(db, { includeDrafts: true });
const frontmatter = {
  title: "Heat or ice",
  description: "Which helps.",
  lastReviewed: "2026-11-01",
};
const GOOD = "Warmth can ease a stiff back.\n";
const GONE = 'Warmth can ease a stiff back <Cite source="withdrawn-study" />.\n';

let counter = 0;

describe.each(DATABASES)(
  "a due schedule whose text no longer passes the checks, on $name",
  ({ open }) => {
    let t: TestDb;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t.dispose());

    const schedule = (slug: string, parentId: number, newPage: boolean) =>
      addScheduledPublish(t.db, {
        slug,
        frontmatter,
        body: GONE,
        note: null,
        baseHash: null,
        parentId,
        dueAt: at(10),
        accountId: "acc-ana",
        author: "Ana",
        now: at(1),
        newPage,
      });

    it("publishes nothing on an existing page and keeps the text as the scheduler's draft", async () => {
      const slug = `heat-or-ice-${(counter += 1)}`;
      const first = await addPageRevision(t.db, {
        slug,
        author: "Ana",
        accountId: "acc-ana",
        note: null,
        action: "publish",
        frontmatter,
        body: GOOD,
        baseHash: null,
        parentId: 0,
        now: at(0),
      });
      if (!first.ok) throw new Error("publish refused");
      const { schedule: row } = await schedule(slug, first.revision.id, false);

      const counts = await runDueSchedules(t.db, {
        server: "a",
        now: () => at(10),
        site: siteOf(t.db),
      });
      expect(counts).toMatchObject({ published: 0, failed: 1, errors: 0 });
      const revisions = await listPageRevisions(t.db, slug);
      expect(revisions.map((r) => r.body)).toEqual([GOOD]);
      const failed = await getScheduledPublish(t.db, row.id);
      expect(failed?.state).toBe("failed");
      expect(failed?.result).toMatch(
        /^Not published: the scheduled text no longer passes the checks \(.*withdrawn-study.*\)\. The scheduled text is kept with this schedule and as Ana's draft of this page\. Open the page and continue the draft/,
      );
      const draft = await getPageDraft(t.db, { owner: "account:acc-ana", page: `/${slug}` });
      expect(draft?.data).toMatchObject({
        slug,
        isNew: false,
        body: GONE,
        parentId: first.revision.id,
      });
    });

    it("does not make a new page from it either", async () => {
      const slug = `heat-or-ice-${(counter += 1)}`;
      const { schedule: row } = await schedule(slug, 0, true);

      const counts = await runDueSchedules(t.db, {
        server: "a",
        now: () => at(10),
        site: siteOf(t.db),
      });
      expect(counts).toMatchObject({ published: 0, failed: 1, errors: 0 });
      expect(await listPageRevisions(t.db, slug)).toEqual([]);
      const failed = await getScheduledPublish(t.db, row.id);
      expect(failed?.result).toMatch(
        /no longer passes the checks \(.*withdrawn-study.*\)\. .* Open New page and continue the draft/,
      );
      const draft = await getPageDraft(t.db, { owner: "account:acc-ana", page: "new" });
      expect(draft?.data).toMatchObject({ slug, isNew: true, body: GONE });
    });
  },
);
