import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import { frontmatterToFields } from "@/lib/content/checks/page-draft";
import { storedPageProblems } from "@/lib/content/checks/stored-pages";
import { loadSite } from "@/lib/content/site/site";
import { addPageRevision } from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import { editPageAction } from "@/lib/actions/edit-page";
import {
  deletePageAction,
  deleteStoredPageAction,
  restoreRevisionAction,
} from "@/lib/actions/page-revisions";
import { DATABASES, type TestDb } from "../db/test-databases";
import { form, redirectOf } from "./action-harness";

/*
 * The page actions as a tampered form reaches them: the real actions, the real
 * checks and a real database, with only the request around them (session,
 * cookies, redirects) stood in for. A redirect is thrown, as Next.js does.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/staff/auth", async () => {
  const { session } = await import("./action-harness");
  return { getStaffSession: async () => session };
});
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

const TAMPERED = ["../x", "a/b", "staff", "healthz", "Foo Bar", "../../../../tmp/x"];
const fields = frontmatterToFields({
  title: "A page",
  description: "About it.",
  lastReviewed: "2026-11-01",
});

describe.each(DATABASES)("a tampered page address, on $name", ({ open }) => {
  let t: TestDb;
  const revisions = async () =>
    (await t.db.selectFrom("page_revisions").selectAll().orderBy("id").execute()).map(
      (r) => `${r.action} ${r.slug}`,
    );
  /** A page stored under `slug` as if an older release had let it through. */
  const store = async (slug: string) => {
    const result = await addPageRevision(t.db, {
      slug,
      author: "Old release",
      note: null,
      action: "publish",
      frontmatter: { title: `Stored at ${slug}`, description: "x", lastReviewed: "2026-11-01" },
      body: "Text.",
      baseHash: null,
      parentId: 0,
      now: new Date(),
    });
    if (!result.ok) throw new Error("not stored");
    return result.revision.id;
  };
  const publish = (slug: string, isNew: "0" | "1") =>
    editPageAction(
      { values: {} as never, fieldErrors: {}, bodyProblems: [], answer: 0 },
      form({ intent: "publish", slug, isNew, parentId: 0, ...fields, body: "Some text." }),
    );

  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  beforeEach(async () => {
    await t.db.deleteFrom("page_revisions").execute();
  });
  afterAll(() => t.dispose());

  it.each(TAMPERED)(
    "publishing at %j is refused, whatever the form says about new",
    async (slug) => {
      for (const isNew of ["0", "1"] as const) {
        const state = await publish(slug, isNew);
        expect(state.fieldErrors.slug, `isNew=${isNew}`).toMatch(/^Address /);
        expect(state.formError).toMatch(/Not published/);
        // The typed text comes back.
        expect(state.values.body).toBe("Some text.");
      }
      expect(await revisions()).toEqual([]);
    },
  );

  it("publishing over a stored page with a bad address is refused too", async () => {
    await store("healthz");
    const state = await publish("healthz", "0");
    expect(state.formError).toMatch(/Address "healthz" is used by the site itself/);
    expect(await revisions()).toEqual(["publish healthz"]);
  });

  it("publishing at a good address still works (the refusals above are the address's)", async () => {
    expect(await redirectOf(publish("fine-page", "1"))).toBe(
      "/staff/content/fine-page?notice=published",
    );
    expect(await revisions()).toEqual(["publish fine-page"]);
  });

  it.each(TAMPERED)(
    "restoring or deleting %j is refused, even when a page is stored there",
    async (slug) => {
      const id = await store(slug);
      const restore = form({ slug, parentId: id, revision: id });
      expect(await redirectOf(restoreRevisionAction(restore))).toBe("/staff/content");
      const remove = form({ slug, parentId: id, confirm: "yes" });
      expect(await redirectOf(deletePageAction(remove))).toBe("/staff/content");
      expect(await revisions()).toEqual([`publish ${slug}`]);
    },
  );

  it("restoring and deleting a good address still work", async () => {
    const id = await store("fine-page");
    await redirectOf(
      restoreRevisionAction(form({ slug: "fine-page", parentId: id, revision: id })),
    );
    const latest = (
      await t.db
        .selectFrom("page_revisions")
        .select((e) => e.fn.max("id").as("id"))
        .executeTakeFirstOrThrow()
    ).id;
    await redirectOf(
      deletePageAction(form({ slug: "fine-page", parentId: latest ?? 0, confirm: "yes" })),
    );
    expect(await revisions()).toEqual([
      "publish fine-page",
      "publish fine-page",
      "delete fine-page",
    ]);
  });

  it("a stored page with a bad address is hidden, reported, and deleted by its revision from the page list", async () => {
    const bad = await store("../x");
    await store("staff");
    await store("fine-page");
    const site = await loadSite(t.db, { includeDrafts: true });
    expect(site.entries.map((e) => e.slug)).toContain("fine-page");
    expect(site.entries.map((e) => e.slug)).not.toContain("../x");
    expect(site.entries.map((e) => e.slug)).not.toContain("staff");
    expect(site.pages.find((p) => p.slug === "../x")?.addressProblem).toMatch(/lower-case/);
    expect((await storedPageProblems(t.db)).map((p) => p.file)).toEqual([
      '"../x" (published in the browser)',
      '"staff" (published in the browser)',
    ]);

    // Unticked, or naming a good page: nothing happens.
    expect(await redirectOf(deleteStoredPageAction(form({ revision: bad })))).toBe(
      "/staff/content?notice=delete-error",
    );
    const good = (await loadSite(t.db)).pages.find((p) => p.slug === "fine-page")?.revision?.id;
    expect(
      await redirectOf(deleteStoredPageAction(form({ revision: good ?? 0, confirm: "yes" }))),
    ).toBe("/staff/content?notice=delete-error");

    expect(await redirectOf(deleteStoredPageAction(form({ revision: bad, confirm: "yes" })))).toBe(
      "/staff/content?notice=deleted",
    );
    expect((await storedPageProblems(t.db)).map((p) => p.file)).toEqual([
      '"staff" (published in the browser)',
    ]);
    expect(await revisions()).toEqual([
      "publish ../x",
      "publish staff",
      "publish fine-page",
      "delete ../x",
    ]);
  });
});
