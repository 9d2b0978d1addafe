import fc from "fast-check";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { splitBlocks } from "@/lib/content/merge/blocks";
import { pageChanges } from "@/lib/content/merge/changes";
import { historyRows } from "@/lib/staff/page-history";
import { markChanges, wordChanges } from "@/lib/content/merge/highlight";
import { mergePage, type PageText } from "@/lib/content/merge/merge-page";
import { mergeLists } from "@/lib/content/merge/three-way";
import { EDITOR_FIELDS } from "@/lib/validations/editor-state";

const fields = (over: Partial<PageText["fields"]> = {}): PageText["fields"] => ({
  ...(Object.fromEntries(EDITOR_FIELDS.map((f) => [f, ""])) as PageText["fields"]),
  title: "Benefits",
  description: "What treatment can do.",
  ...over,
});
const page = (body: string, over: Partial<PageText["fields"]> = {}): PageText => ({
  fields: fields(over),
  body,
});

const BASE = [
  "## Who it helps",
  "People with back pain.",
  "- walking\n- sitting",
  '<Callout type="note">\n\nBring your notes.\n\n</Callout>',
  "Call us to book.",
].join("\n\n");
const edit = (index: number, text: string, from = BASE) => {
  const parts = from.split("\n\n");
  const at = from.split("\n\n").indexOf(parts[index] ?? "");
  parts[at] = text;
  return parts.join("\n\n");
};

describe("splitting a body into blocks", () => {
  it("keeps every byte: blocks and separators put back together are the text", () => {
    const body = "\n## A\nText right under.\n\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n";
    const split = splitBlocks(body);
    expect(split.blocks).toEqual([
      "## A",
      "Text right under.",
      "- one\n- two",
      "| a | b |\n| - | - |\n| 1 | 2 |",
    ]);
    expect(split.lead + split.blocks.map((b, i) => b + split.separators[i]).join("")).toBe(body);
  });

  it("falls back to paragraphs for a text the parser refuses", () => {
    const split = splitBlocks("<Callout>\n\nunclosed\n\nmore");
    expect(split.blocks).toEqual(["<Callout>", "unclosed", "more"]);
  });
});

describe("merging a page", () => {
  it("combines changes to different paragraphs and fields on their own", () => {
    const mine = page(edit(1, "People with back and neck pain."), { description: "Mine." });
    const theirs = page(edit(4, "Call or write to book."), { title: "Benefits of care" });
    const merge = mergePage(page(BASE), mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const merged = merge.resolve({});
    expect(merged?.body).toBe(
      edit(4, "Call or write to book.", edit(1, "People with back and neck pain.")),
    );
    expect(merged?.fields).toMatchObject({ title: "Benefits of care", description: "Mine." });
  });

  it("combines changes to neighbouring blocks, and an addition next to a changed block", () => {
    const mine = page(edit(1, "People with neck pain.") + "\n\nA new closing line.\n");
    const theirs = page(edit(2, "- walking\n- sitting\n- lifting") + "\n");
    const merged = mergePage(page(BASE + "\n"), mine, theirs).resolve({});
    expect(merged?.body).toBe(
      edit(2, "- walking\n- sitting\n- lifting", edit(1, "People with neck pain.")) +
        "\n\nA new closing line.\n",
    );
  });

  it("asks only about the block both changed when one side reworded neighbouring blocks", () => {
    const mine = page(edit(1, "Adults with back pain.", edit(2, "Most feel better soon.")));
    const theirs = page(
      edit(1, "People with neck pain.", edit(3, "<Callout>\n\nNotes.\n\n</Callout>")),
    );
    const merge = mergePage(page(BASE), mine, theirs);
    expect(merge.conflicts.map((c) => [c.base, c.mine, c.theirs])).toEqual([
      ["People with back pain.", "Adults with back pain.", "People with neck pain."],
    ]);
    const body = merge.resolve({ [merge.conflicts[0]!.id]: "theirs" })?.body;
    expect(body).toBe(
      edit(
        1,
        "People with neck pain.",
        edit(2, "Most feel better soon.", edit(3, "<Callout>\n\nNotes.\n\n</Callout>")),
      ),
    );
  });

  it("takes the same change made by both once", () => {
    const both = page(edit(3, '<Callout type="warning">\n\nBring your notes.\n\n</Callout>'));
    const merge = mergePage(page(BASE), both, both);
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve({})?.body).toBe(both.body);
  });

  it("refuses to guess where both changed the same block or field: each is decided one by one", () => {
    const mine = page(edit(1, "Mostly people with back pain."), { title: "My title" });
    const theirs = page(edit(1, "Adults with back pain."), { title: "Their title" });
    const merge = mergePage(page(BASE), mine, theirs);
    expect(merge.conflicts.map((c) => [c.place, c.base, c.mine, c.theirs])).toEqual([
      [{ kind: "field", field: "title" }, "Benefits", "My title", "Their title"],
      [
        { kind: "body" },
        "People with back pain.",
        "Mostly people with back pain.",
        "Adults with back pain.",
      ],
    ]);
    const [title, body] = merge.conflicts;
    // Undecided: no text at all, so nothing is published by accident.
    expect(merge.resolve({ [title!.id]: "mine" })).toBeUndefined();
    const chosen = merge.resolve({ [title!.id]: "mine", [body!.id]: "theirs" });
    expect(chosen?.fields.title).toBe("My title");
    expect(chosen?.body).toBe(edit(1, "Adults with back pain."));
  });

  it("treats two additions at the same place as overlapping", () => {
    const merge = mergePage(
      page(BASE),
      page(BASE + "\n\nMine at the end."),
      page(BASE + "\n\nTheirs at the end."),
    );
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({
      base: "",
      mine: "Mine at the end.",
      theirs: "Theirs at the end.",
    });
    expect(merge.resolve({ [merge.conflicts[0]!.id]: "mine" })?.body).toBe(
      BASE + "\n\nMine at the end.",
    );
  });

  it("names a conflict by its content, so the same conflict keeps its id", () => {
    const run = () =>
      mergePage(page(BASE), page(edit(0, "## Mine")), page(edit(0, "## Theirs"))).conflicts[0]?.id;
    expect(run()).toMatch(/^[0-9a-f]{16}$/);
    expect(run()).toBe(run());
  });
});

// Bodies of distinct paragraphs, headings and lists, each a list of blocks.
const block = fc.oneof(
  fc.stringMatching(/^[A-Z][a-z]{1,8}( [a-z]{1,8}){0,5}\.$/),
  fc.stringMatching(/^## [A-Z][a-z]{2,8}$/),
  fc.stringMatching(/^- [a-z]{2,6}\n- [a-z]{2,6}$/),
);
const blocks = fc.uniqueArray(block, { maxLength: 8 });
const body = (list: string[], ending: string) => (list.length ? list.join("\n\n") + ending : "");
const text = fc
  .tuple(blocks, fc.constantFrom("", "\n"), fc.string({ maxLength: 8 }))
  .map(([list, ending, title]) => page(body(list, ending), { title }));

describe("merge properties", () => {
  it("merging with an unchanged side gives the other side, whichever side it is", () => {
    fc.assert(
      fc.property(text, text, (base, changed) => {
        const mineOnly = mergePage(base, changed, base);
        const theirsOnly = mergePage(base, base, changed);
        expect(mineOnly.conflicts).toEqual([]);
        expect(theirsOnly.conflicts).toEqual([]);
        expect(mineOnly.resolve({})).toEqual(changed);
        expect(theirsOnly.resolve({})).toEqual(changed);
      }),
    );
  });

  it("is symmetric: swapping the sides swaps the conflicts and choices, and keeps the text", () => {
    fc.assert(
      fc.property(text, text, text, fc.boolean(), (base, mine, theirs, keepMine) => {
        const one = mergePage(base, mine, theirs);
        const two = mergePage(base, theirs, mine);
        expect(two.conflicts.map((c) => [c.place, c.mine, c.theirs])).toEqual(
          one.conflicts.map((c) => [c.place, c.theirs, c.mine]),
        );
        const choose = (merge: typeof one, side: "mine" | "theirs") =>
          Object.fromEntries(merge.conflicts.map((c) => [c.id, side]));
        const a = one.resolve(choose(one, keepMine ? "mine" : "theirs"));
        const b = two.resolve(choose(two, keepMine ? "theirs" : "mine"));
        expect(a?.fields).toEqual(b?.fields);
        expect(splitBlocks(a?.body ?? "").blocks).toEqual(splitBlocks(b?.body ?? "").blocks);
      }),
    );
  });

  it("keeps both sides' changes when they are to different blocks", () => {
    fc.assert(
      fc.property(blocks, fc.nat(), fc.nat(), (list, i, j) => {
        fc.pre(list.length >= 2);
        const a = i % list.length;
        const b = j % list.length;
        fc.pre(a !== b);
        const mine = list.map((x, k) => (k === a ? `${x} Mine.` : x));
        const theirs = list.map((x, k) => (k === b ? `${x} Theirs.` : x));
        const regions = mergeLists(list, mine, theirs);
        expect(regions.every((r) => r.kind === "same")).toBe(true);
        expect(regions.flatMap((r) => (r.kind === "same" ? r.items : []))).toEqual(
          list.map((x, k) => (k === a ? `${x} Mine.` : k === b ? `${x} Theirs.` : x)),
        );
      }),
    );
  });
});

describe("showing a change", () => {
  it("lists words added and removed", () => {
    expect(wordChanges("Call us to book.", "Call or write to book.")).toEqual([
      { kind: "same", text: "Call " },
      { kind: "removed", text: "us" },
      { kind: "added", text: "or write" },
      { kind: "same", text: " to book." },
    ]);
  });

  it("marks added words as <ins> and puts removed words back as <del>, with text labels", () => {
    const tree = markChanges("Call **us** to book.", "Call **or write** to book today.");
    const marks: string[] = [];
    visit(tree, "emphasis", (node) => {
      const name = node.data?.hName;
      if (name === "ins" || name === "del")
        marks.push(`${name}:${toString(node).replace(/\s+/g, " ").trim()}`);
    });
    expect(marks).toEqual(["del:removed: us", "ins:added: or write", "ins:added: today"]);
  });
});

describe("what a version changed", () => {
  it("lists the details changed and pairs each changed block with the one it replaced", () => {
    const before = page(BASE);
    const after = page(edit(1, "Adults with back pain.") + "\n\nA new last line.", {
      title: "Benefits of care",
    });
    expect(pageChanges(before, after)).toEqual({
      fields: [{ field: "title", from: "Benefits", to: "Benefits of care" }],
      blocks: [
        { from: "People with back pain.", to: "Adults with back pain." },
        { from: "", to: "A new last line." },
      ],
    });
    expect(pageChanges(after, after)).toEqual({ fields: [], blocks: [] });
  });

  it("reads a page's history oldest first: the content/ file, then each revision and its change", () => {
    const file = `---\ntitle: Tips\n---\n\nFirst tip.\n`;
    const revision = (id: number, action: "publish" | "file", body: string) => ({
      id,
      slug: "tips",
      created_at: `2026-12-02T14:0${id}:00.000Z`,
      author: "Alex (then)",
      account_id: "a1",
      account_name: id === 1 ? "Alex Moore" : null,
      note: null,
      action,
      frontmatter: action === "publish" ? JSON.stringify({ title: "Tips" }) : null,
      body: action === "publish" ? body : null,
      base_hash: null,
      parent_id: id - 1,
    });
    const rows = historyRows(
      { file: { source: file, hash: "h" }, revision: revision(2, "file", "") },
      [revision(1, "publish", "First tip, better.\n"), revision(2, "file", "")],
    );
    expect(rows.map((r) => [r.kind, r.person, r.current])).toEqual([
      ["file", undefined, true],
      ["publish", "Alex Moore", false],
      ["file", "Alex (then)", false],
    ]);
    expect(rows[1]?.changes?.blocks).toEqual([{ from: "First tip.", to: "First tip, better." }]);
    expect(rows[2]?.changes?.blocks).toEqual([{ from: "First tip, better.", to: "First tip." }]);
  });
});
