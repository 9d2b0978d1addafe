import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureLog } from "../log-capture";
import type { Kysely } from "kysely";
import { frontmatterToFields } from "@/lib/content/checks/page-draft";
import { addPageRevision } from "@/lib/db/content-revisions";
import { createDb } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { editPageAction } from "@/lib/actions/edit-page";
import { deletePageAction, restoreRevisionAction } from "@/lib/actions/page-revisions";
import { saveFollowUpAction } from "@/lib/actions/staff";
import { GET as exportCsv } from "@/app/staff/requests.csv/route";
import { DATABASES, type TestDb } from "../db/test-databases";
import { insertRequest } from "../../shared/insert-request";
import { form, readOnlyCopy, redirectOf } from "./action-harness";

/*
 * The database stops taking writes (DATA_DIR turned read-only) or cannot be
 * opened at all: every staff action and route answers with what happened,
 * on the page the person was on, with what they typed. Never a bare 500.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown, fail: undefined as unknown }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/staff/auth", async () => {
  const { session } = await import("./action-harness");
  return { getStaffSession: async () => session };
});
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => {
    if (current.fail) throw current.fail;
    return current.db;
  },
}));
vi.mock("@/lib/content/site/site", async (original) => {
  const real = await original<typeof import("@/lib/content/site/site")>();
  return {
    ...real,
    getSite: () => real.loadSite(current.db as Kysely<Database>, { includeDrafts: true }),
  };
});
// The technical line each failure logs is expected here.
// Their failures are logged: kept off the test output.
captureLog();

const fields = frontmatterToFields({
  title: "A page",
  description: "About it.",
  lastReviewed: "2026-11-01",
});
const CAUSE = /the site cannot write to its database just now/;

describe.each(DATABASES)("staff saves while the database refuses writes, on $name", ({ open }) => {
  let t: TestDb;
  let readOnly: Kysely<Database>;
  let pageId: number;
  let reference: string;

  beforeAll(async () => {
    t = await open();
    const stored = await addPageRevision(t.db, {
      slug: "made-here",
      author: "Sam",
      note: null,
      action: "publish",
      frontmatter: { title: "Made here", description: "x", lastReviewed: "2026-11-01" },
      body: "Text.",
      baseHash: null,
      parentId: 0,
      now: new Date(),
    });
    pageId = stored.ok ? stored.revision.id : 0;
    reference = await insertRequest(t.db);
    readOnly = await readOnlyCopy(t);
    current.db = readOnly;
  });
  afterAll(async () => {
    await readOnly.destroy();
    await t.dispose();
  });
  const revisions = async () =>
    (await t.db.selectFrom("page_revisions").select("id").execute()).length;

  it("a publish answers what happened and keeps the text", async () => {
    const body = "A long text typed over an hour.";
    const state = await editPageAction(
      { values: {} as never, fieldErrors: {}, bodyProblems: [], answer: 0 },
      form({ intent: "publish", slug: "a-new-page", isNew: "1", parentId: 0, ...fields, body }),
    );
    expect(state.formError).toMatch(/^Not published: /);
    expect(state.formError).toMatch(CAUSE);
    expect(state.formError).toMatch(/Your text is kept below/);
    expect(state.values.body).toBe(body);
    expect(state.values.fields.title).toBe("A page");
    expect(await revisions()).toBe(1);
  });

  it("restore and delete go back to the page with a notice", async () => {
    expect(
      await redirectOf(
        restoreRevisionAction(form({ slug: "made-here", parentId: pageId, revision: pageId })),
      ),
    ).toBe("/staff/content/made-here/history?notice=save-failed");
    expect(
      await redirectOf(
        deletePageAction(form({ slug: "made-here", parentId: pageId, confirm: "yes" })),
      ),
    ).toBe("/staff/content/made-here?notice=save-failed");
    expect(await revisions()).toBe(1);
  });

  it("the follow-up form answers what happened and keeps the status and the note", async () => {
    const state = await saveFollowUpAction(
      { status: "new", note: "", answer: 0 },
      form({ reference, status: "booked", note: "Booked for Tuesday 10:00." }),
    );
    expect(state.error).toMatch(/^Nothing was saved: /);
    expect(state.error).toMatch(CAUSE);
    expect(state).toMatchObject({ status: "booked", note: "Booked for Tuesday 10:00.", answer: 1 });
  });

  it("the CSV export answers a page that says what happened when the database cannot be opened", async () => {
    try {
      createDb({ dataDir: "/proc/cannot-exist/data" });
    } catch (error) {
      current.fail = error;
    }
    expect(current.fail).toBeInstanceOf(Error);
    try {
      const response = await exportCsv(new Request("http://localhost/staff/requests.csv"));
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      const html = await response.text();
      expect(html).toContain("The export could not be made");
      expect(html).toContain('href="/staff"');
    } finally {
      current.fail = undefined;
    }
  });
});

describe.each(DATABASES)("the follow-up form on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  afterAll(() => t.dispose());
  const events = async (ref: string) =>
    (
      await t.db
        .selectFrom("request_events")
        .innerJoin("consultation_requests", "consultation_requests.id", "request_id")
        .select(["kind", "to_status", "note"])
        .where("reference", "=", ref)
        .orderBy("request_events.id")
        .execute()
    ).map((e) => `${e.kind} ${e.to_status ?? e.note}`);

  it("saves a changed status and a note with one Save, both kept", async () => {
    const ref = await insertRequest(t.db);
    const save = saveFollowUpAction(
      { status: "new", note: "", answer: 0 },
      form({ reference: ref, status: "contacted", note: "Left a voicemail." }),
    );
    expect(await redirectOf(save)).toBe(`/staff/requests/${ref}?notice=saved`);
    expect(await events(ref)).toEqual(["status contacted", "note Left a voicemail."]);
  });

  it("says so when there is nothing to save, and refuses a bad note with the values kept", async () => {
    const ref = await insertRequest(t.db);
    const same = saveFollowUpAction(
      { status: "new", note: "", answer: 0 },
      form({ reference: ref, status: "new", note: "  " }),
    );
    expect(await redirectOf(same)).toBe(`/staff/requests/${ref}?notice=unchanged`);
    const bad = await saveFollowUpAction(
      { status: "new", note: "", answer: 3 },
      form({ reference: ref, status: "spam", note: `Bell \u0007 here` }),
    );
    expect(bad).toMatchObject({ status: "spam", note: "Bell \u0007 here", answer: 4 });
    expect(bad.error).toMatch(/^Nothing was saved: The note contains characters/);
    expect(await events(ref)).toEqual([]);
  });
});
