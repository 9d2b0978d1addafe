import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletePageDraft, getPageDraft, savePageDraft } from "@/lib/db/page-drafts";
import { DATABASES, type TestDb } from "./test-databases";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 14, minute));

describe.each(DATABASES)("page drafts on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("keeps one draft per person and page, each save replacing the one it was made on", async () => {
    const sam = { owner: "name:sam", page: "/benefits" };
    expect(await getPageDraft(t.db, sam)).toBeUndefined();

    const first = await savePageDraft(t.db, sam, {
      data: { body: "one" },
      seenVersion: 0,
      now: at(1),
    });
    expect(first).toEqual({ ok: true, savedAt: at(1).toISOString(), version: 1 });
    const second = await savePageDraft(t.db, sam, {
      data: { body: "two" },
      seenVersion: 1,
      now: at(5),
    });
    expect(second).toEqual({ ok: true, savedAt: at(5).toISOString(), version: 2 });
    expect(await getPageDraft(t.db, sam)).toEqual({
      savedAt: at(5).toISOString(),
      version: 2,
      data: { body: "two" },
    });

    // Another person, and the same person on another page, have drafts of their own.
    const alex = { owner: "name:alex", page: "/benefits" };
    const samNew = { owner: "name:sam", page: "new" };
    await savePageDraft(t.db, alex, { data: { body: "alex" }, seenVersion: 0, now: at(6) });
    await savePageDraft(t.db, samNew, { data: { body: "new page" }, seenVersion: 0, now: at(7) });
    expect((await getPageDraft(t.db, sam))?.data).toEqual({ body: "two" });
    expect((await getPageDraft(t.db, alex))?.data).toEqual({ body: "alex" });
    expect((await getPageDraft(t.db, samNew))?.data).toEqual({ body: "new page" });
  });

  it("refuses a save from an editor that has not seen the newest draft, keeping that draft", async () => {
    const key = { owner: "name:robin", page: "/faq" };
    await savePageDraft(t.db, key, {
      data: { body: "typed in the first tab" },
      seenVersion: 0,
      now: at(1),
    });

    // A second tab (or a new sign-in not yet offered the draft) opened on nothing.
    const stale = await savePageDraft(t.db, key, {
      data: { body: "other" },
      seenVersion: 0,
      now: at(2),
    });
    expect(stale).toEqual({ ok: false, current: { savedAt: at(1).toISOString(), version: 1 } });
    const ahead = await savePageDraft(t.db, key, {
      data: { body: "other" },
      seenVersion: 7,
      now: at(2),
    });
    expect(ahead.ok).toBe(false);
    expect((await getPageDraft(t.db, key))?.data).toEqual({ body: "typed in the first tab" });

    // With no draft there, only a save made on nothing is taken.
    const gone = { owner: "name:robin", page: "/gone" };
    expect(await savePageDraft(t.db, gone, { data: {}, seenVersion: 3, now: at(3) })).toEqual({
      ok: false,
      current: undefined,
    });
  });

  it("is cleared only by a publish or discard of the version the editor saw", async () => {
    const key = { owner: "name:kim", page: "/" };
    await savePageDraft(t.db, key, { data: { body: "a" }, seenVersion: 0, now: at(1) });
    await savePageDraft(t.db, key, { data: { body: "b" }, seenVersion: 1, now: at(2) });

    expect(await deletePageDraft(t.db, key, 1)).toBe(false);
    expect((await getPageDraft(t.db, key))?.data).toEqual({ body: "b" });
    expect(await deletePageDraft(t.db, key, 2)).toBe(true);
    expect(await getPageDraft(t.db, key)).toBeUndefined();
    expect(await deletePageDraft(t.db, key, 2)).toBe(false);

    // After a discard the next save starts a new draft.
    const fresh = await savePageDraft(t.db, key, {
      data: { body: "c" },
      seenVersion: 0,
      now: at(3),
    });
    expect(fresh).toMatchObject({ ok: true, version: 1 });
  });

  it("keeps a long page whole, with any characters", async () => {
    const key = { owner: "name:zoë o'brien", page: "/long" };
    const body = `Ünïcødé ‘quotes’ — ${"x".repeat(200_000)} 🙂\n'; drop table page_drafts; --`;
    await savePageDraft(t.db, key, { data: { body }, seenVersion: 0, now: at(1) });
    expect((await getPageDraft(t.db, key))?.data).toEqual({ body });
  });
});
