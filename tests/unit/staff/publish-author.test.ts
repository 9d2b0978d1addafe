import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { frontmatterToFields } from "@/lib/content/checks/page-draft";
import { editClinicAction } from "@/lib/actions/edit-clinic";
import { editPageAction } from "@/lib/actions/edit-page";
import { saveDraftAction } from "@/lib/actions/page-draft";
import { restoreRevisionAction } from "@/lib/actions/page-revisions";
import type { Database } from "@/lib/db/types";
import type { StaffActor } from "@/lib/staff/actor";
import { DATABASES, type TestDb } from "../db/test-databases";
import { captureLog } from "../log-capture";
import { clinicPost, form, redirectOf } from "./action-harness";

/*
 * Nobody types a name any more: a publish, a restore and the clinic details
 * go under the signed-in person (their name then and their account), whatever
 * a form posts as "author", and drafts are kept under the account.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown, actor: undefined as unknown }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => current.actor }));
vi.mock("@/lib/staff/audit", () => ({ audit: async () => true }));
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
  title: "Made here",
  description: "About it.",
  lastReviewed: "2026-11-01",
});
// What an older release's form (or a tampered one) still posts: it names nobody.
const typed = { author: "Somebody Typed This" };

describe.each(DATABASES)("who a change goes under, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  afterAll(() => t.dispose());

  const revisions = () =>
    t.db
      .selectFrom("page_revisions")
      .select(["id", "author", "account_id"])
      .where("slug", "=", "made-here")
      .orderBy("id")
      .execute();

  it("a publish and a restore record the signed-in person, never a typed name", async () => {
    current.actor = lee;
    const log = captureLog();
    const published = editPageAction(
      { values: {} as never, fieldErrors: {}, bodyProblems: [], answer: 0 },
      form({
        intent: "publish",
        slug: "made-here",
        isNew: "1",
        parentId: 0,
        ...fields,
        ...typed,
        body: "First.",
      }),
    );
    expect(await redirectOf(published)).toBe("/staff/content/made-here?notice=published");
    log.restore();
    // One line at the default level, naming the action and how it ended, not what was typed.
    expect(log.events("staff.action")).toEqual([
      expect.objectContaining({ level: "info", subject: "editPageAction", outcome: "redirected" }),
    ]);
    expect(log.text()).not.toContain("First.");
    const [first] = await revisions();
    expect(first).toMatchObject({ author: "Lee Practitioner", account_id: "account-lee" });

    current.actor = kim;
    const restore = form({
      slug: "made-here",
      parentId: first?.id ?? 0,
      revision: first?.id ?? 0,
      ...typed,
    });
    expect(await redirectOf(restoreRevisionAction(restore))).toBe(
      "/staff/content/made-here?notice=restored",
    );
    expect((await revisions()).map((r) => [r.author, r.account_id])).toEqual([
      ["Lee Practitioner", "account-lee"],
      ["Kim Editor", "account-kim"],
    ]);
  });

  it("the clinic details record the signed-in person", async () => {
    current.actor = lee;
    const posted = clinicPost(typed);
    const published = editClinicAction({ values: {} as never, errors: {}, answer: 0 }, posted);
    expect(await redirectOf(published)).toBe("/staff/clinic?notice=published");
    expect(
      await t.db.selectFrom("clinic_revisions").select(["author", "account_id"]).execute(),
    ).toEqual([{ author: "Lee Practitioner", account_id: "account-lee" }]);
  });

  it("a draft is kept under the account, one per person and page", async () => {
    // Saved by the editor by itself while someone types: below the default log level.
    const log = captureLog();
    for (const actor of [lee, kim]) {
      current.actor = actor;
      const answer = await saveDraftAction(
        form({ slug: "made-here", isNew: "0", parentId: 0, ...fields, body: `By ${actor.name}` }),
      );
      expect(answer).toMatchObject({ status: "saved" });
    }
    log.restore();
    expect(log.lines()).toEqual([]);
    const drafts = await t.db
      .selectFrom("page_drafts")
      .select(["owner", "page"])
      .orderBy("owner")
      .execute();
    expect(drafts).toEqual([
      { owner: "account:account-kim", page: "/made-here" },
      { owner: "account:account-lee", page: "/made-here" },
    ]);
  });
});
