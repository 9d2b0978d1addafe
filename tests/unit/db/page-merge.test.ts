import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revisionSource } from "@/lib/content/site/site";
import { addPageRevision, listPageRevisions, pageHistory } from "@/lib/db/content-revisions";
import type { PageRevision } from "@/lib/db/types";
import { editorTextOf } from "@/lib/staff/editor-form";
import { mergeWithLatest, readMergeChoices } from "@/lib/staff/page-merge";
import { DATABASES, type TestDb } from "./test-databases";
import { addTestAccount } from "./test-accounts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 14, minute));
const FRONTMATTER = {
  title: "Benefits",
  description: "What care can do.",
  lastReviewed: "2026-11-01",
};
const PARAGRAPHS = [
  "## Who it helps",
  "People with back pain.",
  "Most feel better.",
  "Call us to book.",
];
const replace = (body: string, from: string, to: string) => {
  expect(body).toContain(from);
  return body.replace(from, to);
};

describe.each(DATABASES)("publishing over a colleague's publish on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  const publish = (author: string, body: string, parentId: number, minute: number) =>
    addPageRevision(t.db, {
      slug: "benefits",
      author,
      note: null,
      action: "publish",
      frontmatter: FRONTMATTER,
      body,
      baseHash: null,
      parentId,
      now: at(minute),
    });
  const opened = (revision: PageRevision) => ({
    slug: "benefits",
    parentId: revision.id,
    ...editorTextOf(revisionSource(revision)),
  });
  const published = async (result: Awaited<ReturnType<typeof publish>>) => {
    if (!result.ok) throw new Error("expected a publish");
    return result.revision;
  };

  it("combines changes to different paragraphs, publishing on top of theirs with both kept", async () => {
    const first = await published(await publish("Alex", PARAGRAPHS.join("\n\n") + "\n", 0, 0));
    // Sam opens the page; Alex publishes a change to the last paragraph meanwhile.
    const sam = opened(first);
    const alex = await published(
      await publish(
        "Alex",
        replace(first.body ?? "", "Call us", "Call or write to us"),
        first.id,
        2,
      ),
    );
    sam.body = replace(sam.body, "back pain", "back and neck pain");

    const refused = await publish("Sam", sam.body, sam.parentId, 3);
    expect(refused).toEqual({ ok: false, latest: alex });

    const outcome = await mergeWithLatest(t.db, {
      values: sam,
      fileSource: undefined,
      latest: alex,
      choices: {},
    });
    expect(outcome.kind).toBe("combined");
    if (outcome.kind !== "combined") return;
    const combined = await published(await publish("Sam", outcome.text.body, outcome.theirs.id, 4));
    expect(combined.parent_id).toBe(alex.id);
    expect(combined.body).toBe(
      "## Who it helps\n\nPeople with back and neck pain.\n\nMost feel better.\n\nCall or write to us to book.\n",
    );
  });

  it("refuses overlapping changes until each is decided, publishing nothing meanwhile", async () => {
    const [current] = await listPageRevisions(t.db, "benefits");
    if (!current) throw new Error("no revision");
    const robin = opened(current);
    const sam = await published(
      await publish(
        "Sam",
        replace(current.body ?? "", "Most feel better.", "Most feel better within weeks."),
        current.id,
        10,
      ),
    );
    robin.body = replace(robin.body, "Most feel better.", "Many feel better.");
    robin.fields.title = "Benefits of care";

    expect((await publish("Robin", robin.body, robin.parentId, 11)).ok).toBe(false);
    const outcome = await mergeWithLatest(t.db, {
      values: robin,
      fileSource: undefined,
      latest: sam,
      choices: {},
    });
    expect(outcome.kind).toBe("conflicts");
    if (outcome.kind !== "conflicts") return;
    expect(outcome.merge.conflicts.map((c) => [c.mine, c.theirs])).toEqual([
      ["Many feel better.", "Most feel better within weeks."],
    ]);
    // Nothing was added while the conflict waits, and publishing on the old version is still refused.
    expect((await listPageRevisions(t.db, "benefits"))[0]?.id).toBe(sam.id);
    expect((await publish("Robin", robin.body, robin.parentId, 12)).ok).toBe(false);

    // The form posts the choice; the title (only Robin changed it) comes along on its own.
    const form = new FormData();
    form.set(`merge-${outcome.merge.conflicts[0]?.id}`, "theirs");
    form.set("merge-nonsense", "theirs");
    const decided = await mergeWithLatest(t.db, {
      values: robin,
      fileSource: undefined,
      latest: sam,
      choices: readMergeChoices(form),
    });
    expect(decided.kind).toBe("combined");
    if (decided.kind !== "combined") return;
    expect(decided.text.fields.title).toBe("Benefits of care");
    const done = await published(await publish("Robin", decided.text.body, sam.id, 13));
    expect(done.body).toContain("Most feel better within weeks.");
    expect(done.body).not.toContain("Many feel better.");
  });

  it("merges a page opened on its content/ file (no revision yet) with the file as the base", async () => {
    const file = `---\ntitle: Tips\ndescription: Small things.\nlastReviewed: 2026-11-01\n---\n\nFirst tip.\n\nSecond tip.\n`;
    const mine = { slug: "tips", parentId: 0, ...editorTextOf(file) };
    mine.body = replace(mine.body, "First tip.", "First tip, updated.");
    const theirs = await addPageRevision(t.db, {
      slug: "tips",
      author: "Alex",
      note: null,
      action: "publish",
      frontmatter: FRONTMATTER,
      body: replace(editorTextOf(file).body, "Second tip.", "Second tip, updated."),
      baseHash: null,
      parentId: 0,
      now: at(20),
    });
    if (!theirs.ok) throw new Error("expected a publish");
    const outcome = await mergeWithLatest(t.db, {
      values: mine,
      fileSource: file,
      latest: theirs.revision,
      choices: {},
    });
    expect(outcome.kind).toBe("combined");
    if (outcome.kind === "combined") {
      expect(outcome.text.body).toContain("First tip, updated.");
      expect(outcome.text.body).toContain("Second tip, updated.");
      // Alex's frontmatter differs from the file's: theirs, taken, since Sam left the fields alone.
      expect(outcome.text.fields.title).toBe("Benefits");
    }
  });
});

describe.each(DATABASES)("a page's history on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("lists revisions oldest first, each with its person's account name as it is now", async () => {
    await addTestAccount(t.db, { id: "acc-1", name: "Robin Renamed", at: at(0) });
    const add = (author: string, accountId: string | null, parentId: number, minute: number) =>
      addPageRevision(t.db, {
        slug: "faq",
        author,
        accountId,
        note: null,
        action: "publish",
        frontmatter: FRONTMATTER,
        body: `Text ${minute}.`,
        baseHash: null,
        parentId,
        now: at(minute),
      });
    const first = await add("Robin (then)", "acc-1", 0, 1);
    if (!first.ok) throw new Error("expected a publish");
    await add("Someone", null, first.revision.id, 2);
    const history = await pageHistory(t.db, "faq");
    expect(history.map((r) => [r.author, r.account_name, r.body])).toEqual([
      ["Robin (then)", "Robin Renamed", "Text 1."],
      ["Someone", null, "Text 2."],
    ]);
  });
});
