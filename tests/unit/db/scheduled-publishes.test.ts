import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueSchedules } from "@/lib/content/scheduled/run-schedules";
import { loadSite } from "@/lib/content/site/site";
import { listAudit } from "@/lib/db/audit-log";
import { addPageRevision, listPageRevisions } from "@/lib/db/content-revisions";
import {
  addScheduledPublish,
  cancelSchedule,
  CLAIM_LEASE_MS,
  claimSchedule,
  getScheduledPublish,
  latestSchedules,
  type NewScheduledPublish,
} from "@/lib/db/scheduled-publishes";
import type { Database } from "@/lib/db/types";
import type { Kysely } from "kysely";
import { DATABASES, type TestDb } from "./test-databases";

/** The content as the timer gives it: content/ with this database's revisions. */
const siteOf = (db: Kysely<Database>) => () => loadSite(db, { includeDrafts: true });

const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 9, minute));

let counter = 0;
function schedule(overrides: Partial<NewScheduledPublish> = {}): NewScheduledPublish {
  counter += 1;
  return {
    slug: `page-${counter}`,
    frontmatter: { title: `Page ${counter}`, description: "A page.", lastReviewed: "2026-11-01" },
    body: `Text ${counter}.`,
    note: "Winter opening hours",
    baseHash: null,
    parentId: 0,
    dueAt: at(0),
    accountId: "acc-ana",
    author: "Ana",
    now: at(-60),
    ...overrides,
  };
}

describe.each(DATABASES)("scheduled publishes on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("publishes a due row once, under the person who scheduled it, and leaves one not yet due", async () => {
    const due = (await addScheduledPublish(t.db, schedule())).schedule;
    const later = (await addScheduledPublish(t.db, schedule({ dueAt: at(30) }))).schedule;

    expect(
      await runDueSchedules(t.db, { site: siteOf(t.db), server: "a", now: () => at(-1) }),
    ).toMatchObject({
      published: 0,
    });
    const counts = await runDueSchedules(t.db, {
      site: siteOf(t.db),
      server: "a",
      now: () => at(0),
    });
    expect(counts).toMatchObject({ published: 1, failed: 0, errors: 0 });

    const [revision, ...older] = await listPageRevisions(t.db, due.slug);
    expect(older).toEqual([]);
    expect(revision).toMatchObject({
      action: "publish",
      author: "Ana",
      account_id: "acc-ana",
      note: "Winter opening hours",
      body: due.body,
      parent_id: 0,
      created_at: at(0).toISOString(),
    });
    expect(JSON.parse(revision?.frontmatter ?? "")).toEqual(JSON.parse(due.frontmatter));
    expect(await getScheduledPublish(t.db, due.id)).toMatchObject({
      state: "published",
      claimed_by: "a",
      finished_at: at(0).toISOString(),
    });
    expect((await getScheduledPublish(t.db, later.id))?.state).toBe("pending");
    expect(await listPageRevisions(t.db, later.slug)).toEqual([]);

    // A second look finds nothing more to do.
    expect(
      await runDueSchedules(t.db, { site: siteOf(t.db), server: "b", now: () => at(1) }),
    ).toMatchObject({
      published: 0,
    });
    expect(await listPageRevisions(t.db, due.slug)).toHaveLength(1);
    // Cancelled before it is due, it never publishes (and leaves the later tests' looks alone).
    expect(
      await cancelSchedule(t.db, { id: later.id, slug: later.slug, by: "Ana", now: at(2) }),
    ).toBe("cancelled");
    await runDueSchedules(t.db, { site: siteOf(t.db), server: "b", now: () => at(31) });
    expect(await listPageRevisions(t.db, later.slug)).toEqual([]);

    const { entries } = await listAudit(
      t.db,
      { object: { type: "page", id: `/${due.slug}` } },
      { limit: 10 },
    );
    expect(entries).toMatchObject([
      {
        event: "page-published",
        accountId: "acc-ana",
        accountName: "Ana",
        detail: { reason: "scheduled" },
        clientHash: null,
      },
    ]);
  });

  it("publishes once when two servers look at the same moment", async () => {
    const rows = await Promise.all(
      [1, 2, 3, 4].map(async () => (await addScheduledPublish(t.db, schedule())).schedule),
    );
    const second = t.reopen();
    try {
      const [a, b] = await Promise.all([
        runDueSchedules(t.db, { site: siteOf(t.db), server: "server-a", now: () => at(5) }),
        runDueSchedules(second, { site: siteOf(second), server: "server-b", now: () => at(5) }),
      ]);
      // Earlier tests' rows are done; these four are each published by exactly one server.
      expect(a.published + b.published).toBe(4);
      expect(a.errors + b.errors + a.failed + b.failed).toBe(0);
      for (const row of rows) {
        expect(await listPageRevisions(t.db, row.slug)).toHaveLength(1);
        const done = await getScheduledPublish(t.db, row.id);
        expect(done?.state).toBe("published");
        expect(["server-a", "server-b"]).toContain(done?.claimed_by);
      }
    } finally {
      await second.destroy();
    }
  });

  it("lets only one of two claims on the same row through", async () => {
    const row = (await addScheduledPublish(t.db, schedule({ dueAt: at(40) }))).schedule;
    const second = t.reopen();
    try {
      const wins = await Promise.all([
        claimSchedule(t.db, row, "a", at(41)),
        claimSchedule(second, row, "b", at(41)),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      // A claim that has run out (its server stopped) can be taken again, once.
      const held = await getScheduledPublish(t.db, row.id);
      const later = new Date(at(41).getTime() + CLAIM_LEASE_MS + 1000);
      expect(await claimSchedule(t.db, row, "c", later)).toBe(false); // listed before the claim
      expect(held && (await claimSchedule(t.db, held, "c", later))).toBe(true);
      expect(held && (await claimSchedule(second, held, "d", later))).toBe(false);
    } finally {
      await second.destroy();
    }
  });

  it("publishes a row whose server stopped half-way only once", async () => {
    const row = (await addScheduledPublish(t.db, schedule({ dueAt: at(42) }))).schedule;
    // Server a claimed and published, then stopped before marking the row.
    expect(await claimSchedule(t.db, row, "a", at(42))).toBe(true);
    await addPageRevision(t.db, {
      slug: row.slug,
      author: "Ana",
      accountId: "acc-ana",
      note: row.note,
      action: "publish",
      frontmatter: JSON.parse(row.frontmatter),
      body: row.body,
      baseHash: null,
      parentId: 0,
      now: at(42),
    });
    const later = () => new Date(at(42).getTime() + CLAIM_LEASE_MS + 60_000);
    expect(
      await runDueSchedules(t.db, { site: siteOf(t.db), server: "b", now: later }),
    ).toMatchObject({
      published: 1,
    });
    expect(await listPageRevisions(t.db, row.slug)).toHaveLength(1);
    expect((await getScheduledPublish(t.db, row.id))?.state).toBe("published");
  });

  it("never publishes a cancelled row, and cannot cancel one that is published", async () => {
    const row = (await addScheduledPublish(t.db, schedule({ dueAt: at(50) }))).schedule;
    expect(await cancelSchedule(t.db, { id: row.id, slug: "other", by: "Ben", now: at(45) })).toBe(
      "not-found",
    );
    expect(await cancelSchedule(t.db, { id: row.id, slug: row.slug, by: "Ben", now: at(45) })).toBe(
      "cancelled",
    );
    expect(await getScheduledPublish(t.db, row.id)).toMatchObject({
      state: "cancelled",
      result: "Cancelled by Ben",
    });
    await runDueSchedules(t.db, { site: siteOf(t.db), server: "a", now: () => at(55) });
    expect(await listPageRevisions(t.db, row.slug)).toEqual([]);

    const done = (await addScheduledPublish(t.db, schedule({ dueAt: at(50) }))).schedule;
    await runDueSchedules(t.db, { site: siteOf(t.db), server: "a", now: () => at(55) });
    expect(
      await cancelSchedule(t.db, { id: done.id, slug: done.slug, by: "Ben", now: at(56) }),
    ).toBe("too-late");
    expect((await getScheduledPublish(t.db, done.id))?.state).toBe("published");
  });

  it("keeps one pending schedule per page: a new one replaces the one before", async () => {
    const slug = `again-${counter}`;
    const one = await addScheduledPublish(t.db, schedule({ slug, dueAt: at(59) }));
    const two = await addScheduledPublish(
      t.db,
      schedule({ slug, author: "Ben", accountId: "acc-ben", dueAt: at(59) }),
    );
    expect(two.replaced).toBe(1);
    expect(await getScheduledPublish(t.db, one.schedule.id)).toMatchObject({
      state: "cancelled",
      result: "Replaced by a newer schedule from Ben",
    });
    expect((await latestSchedules(t.db, slug)).map((row) => row.id)).toEqual([two.schedule.id]);
    await runDueSchedules(t.db, { site: siteOf(t.db), server: "a", now: () => at(59) });
    const revisions = await listPageRevisions(t.db, slug);
    expect(revisions.map((r) => r.author)).toEqual(["Ben"]);
  });
});
