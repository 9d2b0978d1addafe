import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { frontmatterToFields } from "@/lib/content/checks/page-draft";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { editPageAction } from "@/lib/actions/edit-page";
import { cancelScheduledPublishAction } from "@/lib/actions/schedule-publish";
import { addPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
import { getPageDraft } from "@/lib/db/page-drafts";
import type { Database } from "@/lib/db/types";
import type { StaffActor } from "@/lib/staff/actor";
import { scheduledCombinedNotice } from "@/lib/staff/schedule-publish";
import type { EditorState } from "@/lib/validations/editor-state";
import { wallClock } from "@/lib/time-zone";
import { DATABASES, type TestDb } from "../db/test-databases";
import { form, redirectOf } from "./action-harness";

/*
 * The editor's Schedule button and the page's Cancel, through the actions as
 * the forms post them: the same checks as Publish, the date and time read on
 * the clinic's clock, refusals in words with the typing kept, and the audit
 * entries under the signed-in person.
 */
const current = vi.hoisted(() => ({
  db: undefined as unknown,
  actor: undefined as unknown,
  audited: [] as unknown[][],
}));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => current.actor }));
vi.mock("@/lib/staff/audit", () => ({
  audit: async (...args: unknown[]) => {
    current.audited.push(args);
    return true;
  },
}));
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => current.db,
}));
vi.mock("@/lib/content/site/site", async (original) => {
  const real = await original<typeof import("@/lib/content/site/site")>();
  return {
    ...real,
    getSite: () => real.loadSite(current.db as Kysely<Database>, { includeDrafts: true }),
  };
});

const lee: StaffActor = {
  accountId: "account-lee",
  name: "Lee Practitioner",
  email: "lee@example.com",
  role: "practitioner",
  sessionId: "session-lee",
};
const kim: StaffActor = { ...lee, accountId: "account-kim", name: "Kim Editor", role: "editor" };
const fields = frontmatterToFields({
  title: "Later page",
  description: "About it.",
  lastReviewed: "2026-11-01",
});
const zone = loadClinic().timezone;
const fresh: EditorState = { values: {} as never, fieldErrors: {}, bodyProblems: [], answer: 0 };

describe.each(DATABASES)("scheduling from the editor, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
    current.actor = lee;
    await redirectOf(
      editPageAction(
        fresh,
        form({
          intent: "publish",
          slug: "later-page",
          isNew: "1",
          parentId: 0,
          ...fields,
          body: "Now.",
        }),
      ),
    );
  });
  afterAll(() => t.dispose());

  const schedules = () =>
    t.db.selectFrom("scheduled_publishes").selectAll().orderBy("id").execute();
  const post = async (values: Record<string, string | number>) => {
    const parentId = (await latestPageRevision(t.db, "later-page"))?.id ?? 0;
    return editPageAction(
      fresh,
      form({ intent: "schedule", slug: "later-page", isNew: "0", parentId, ...fields, ...values }),
    );
  };

  it("refuses a time that has passed, a text that would not publish and an old version, keeping the typing", async () => {
    const past = wallClock(new Date(Date.now() - 3_600_000), zone);
    const late = await post({ body: "Later.", scheduleDate: past.date, scheduleTime: past.time });
    expect(late.formError).toMatch(/^Not scheduled\. Time: .* has already passed; it is now /);
    expect(late.schedule).toMatchObject({ date: past.date, time: past.time, field: "time" });
    expect(late.values.body).toBe("Later.");

    const garbled = await post({
      body: "Later.",
      scheduleDate: "next week",
      scheduleTime: "09:00",
    });
    expect(garbled.schedule).toMatchObject({ field: "date", date: "next week" });
    expect(garbled.formError).toContain("Date: write the day as year-month-day");

    const tomorrow = wallClock(new Date(Date.now() + 86_400_000), zone).date;
    const broken = await post({
      body: "Later <NoSuchComponent />.",
      scheduleDate: tomorrow,
      scheduleTime: "09:00",
    });
    expect(broken.formError).toBe(
      "Not scheduled: fix the problems marked below. Your text is kept.",
    );
    expect(broken.bodyProblems.length).toBeGreaterThan(0);
    expect(broken.schedule).toMatchObject({ date: tomorrow, time: "09:00" });

    // Opened before Lee's own first publish, and the two texts overlap: the editor's merge view
    // opens on the typed text, kept as Lee's draft, and nothing is scheduled.
    const stale = await redirectOf(
      editPageAction(
        fresh,
        form({
          intent: "schedule",
          slug: "later-page",
          isNew: "0",
          parentId: 0,
          ...fields,
          body: "Later.",
          scheduleDate: tomorrow,
          scheduleTime: "09:00",
        }),
      ),
    );
    expect(stale).toBe(
      `/staff/content/later-page?draft=continue&merge=1&scheduleDate=${tomorrow}&scheduleTime=09%3A00#merge-heading`,
    );
    const kept = await getPageDraft(t.db, { owner: "account:account-lee", page: "/later-page" });
    expect(kept?.data).toMatchObject({ body: "Later.", parentId: 0 });
    expect(await schedules()).toEqual([]);
  });

  it("schedules on the clinic's clock under the signed-in person, and is cancelled once", async () => {
    current.audited = [];
    const day = wallClock(new Date(Date.now() + 2 * 86_400_000), zone).date;
    const to = await redirectOf(
      post({ body: "Later.", note: "New hours", scheduleDate: day, scheduleTime: "9:30" }),
    );
    expect(to).toBe("/staff/content/later-page?notice=scheduled");
    const [row] = await schedules();
    expect(row).toMatchObject({
      slug: "later-page",
      body: "Later.",
      note: "New hours",
      state: "pending",
      author: "Lee Practitioner",
      account_id: "account-lee",
      parent_id: (await latestPageRevision(t.db, "later-page"))?.id,
    });
    expect(wallClock(new Date(row?.due_at ?? ""), zone)).toEqual({ date: day, time: "09:30" });
    expect(JSON.parse(row?.frontmatter ?? "{}")).toMatchObject({ title: "Later page" });
    expect(current.audited).toEqual([
      ["page-scheduled", { type: "page", id: "/later-page" }, { due: row?.due_at }],
    ]);

    current.actor = kim;
    // Named with another page's address: nothing is cancelled.
    expect(
      await redirectOf(
        cancelScheduledPublishAction(form({ slug: "benefits", schedule: row?.id ?? 0 })),
      ),
    ).toBe("/staff/content/benefits");
    expect((await schedules())[0]?.state).toBe("pending");

    const cancel = () =>
      cancelScheduledPublishAction(form({ slug: "later-page", schedule: row?.id ?? 0 }));
    expect(await redirectOf(cancel())).toBe("/staff/content/later-page?notice=schedule-cancelled");
    expect((await schedules())[0]).toMatchObject({
      state: "cancelled",
      result: "Cancelled by Kim Editor",
    });
    expect(await redirectOf(cancel())).toBe("/staff/content/later-page?notice=schedule-too-late");
    expect(current.audited.at(-1)).toEqual([
      "schedule-cancelled",
      { type: "page", id: "/later-page" },
      undefined,
    ]);
    current.actor = lee;
  });

  it("schedules a text combined with a colleague's publish since it was opened, and says so", async () => {
    const publish = async (body: string, actor: StaffActor, minute: number) => {
      const parent = await latestPageRevision(t.db, "later-page");
      const added = await addPageRevision(t.db, {
        slug: "later-page",
        author: actor.name,
        accountId: actor.accountId,
        note: null,
        action: "publish",
        frontmatter: { title: "Later page", description: "About it.", lastReviewed: "2026-11-01" },
        body,
        baseHash: null,
        parentId: parent?.id ?? 0,
        now: new Date(Date.now() - minute * 60_000),
      });
      if (!added.ok) throw new Error("publish refused");
      return added.revision;
    };
    const opened = await publish("One.\n\nTwo.\n", lee, 20);
    const kims = await publish("One.\n\nTwo, by Kim.\n", kim, 10);
    const day = wallClock(new Date(Date.now() + 3 * 86_400_000), zone).date;
    const to = await redirectOf(
      editPageAction(
        fresh,
        form({
          intent: "schedule",
          slug: "later-page",
          isNew: "0",
          parentId: opened.id,
          ...fields,
          body: "One, by Lee.\n\nTwo.\n",
          scheduleDate: day,
          scheduleTime: "10:00",
        }),
      ),
    );
    expect(to).toBe("/staff/content/later-page?notice=scheduled-combined");
    const row = (await schedules()).at(-1);
    expect(row).toMatchObject({
      state: "pending",
      body: "One, by Lee.\n\nTwo, by Kim.\n",
      parent_id: kims.id,
      author: "Lee Practitioner",
    });
    expect(row?.note).toMatch(/^Combined with Kim Editor's changes of \d\d:\d\d\.$/);
    expect(await scheduledCombinedNotice(t.db, row, zone)).toMatch(
      /^Scheduled, combined with Kim Editor's changes of \d\d:\d\d\. It is published by itself/,
    );
  });

  it("schedules a new page, says so in the list, refuses a colleague's at the same address, and cancels from the list", async () => {
    const day = wallClock(new Date(Date.now() + 4 * 86_400_000), zone).date;
    const newPage = (body: string) =>
      editPageAction(
        fresh,
        form({
          intent: "schedule",
          slug: "next-monday",
          isNew: "1",
          parentId: 0,
          ...fields,
          body,
          scheduleDate: day,
          scheduleTime: "09:00",
        }),
      );
    expect(await redirectOf(newPage("Monday's article."))).toBe(
      "/staff/content?notice=scheduled-new",
    );
    const row = (await schedules()).at(-1);
    expect(row).toMatchObject({
      slug: "next-monday",
      new_page: 1,
      parent_id: 0,
      base_hash: null,
      state: "pending",
      body: "Monday's article.",
      author: "Lee Practitioner",
    });
    // Not a page yet: visitors and the page list's page rows do not have it.
    expect(await latestPageRevision(t.db, "next-monday")).toBeUndefined();

    current.actor = kim;
    const refused = await newPage("Kim's article.");
    expect(refused.formError).toMatch(
      /^Not scheduled: a new page at \/next-monday is already scheduled by Lee Practitioner for .* Choose another address\. Your text is kept\.$/,
    );
    expect(refused.values.body).toBe("Kim's article.");
    expect((await schedules()).at(-1)?.id).toBe(row?.id);

    expect(
      await redirectOf(
        cancelScheduledPublishAction(form({ slug: "next-monday", schedule: row?.id ?? 0 })),
      ),
    ).toBe("/staff/content?notice=schedule-cancelled");
    expect((await schedules()).at(-1)).toMatchObject({ id: row?.id, state: "cancelled" });
    current.actor = lee;
  });
});
