import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContent } from "@/lib/content/files/export-content";
import { addPageRevision } from "@/lib/db/content-revisions";
import { DATABASES, type TestDb } from "../db/test-databases";

/*
 * content:export with pages stored under addresses that lead out of content/
 * (put there by an older release or a tampered form, straight into the
 * database): nothing is written anywhere but content/, and each is named.
 */
const fixtures = path.join(__dirname, "fixtures");
const BAD = ["../x", "../app/evil", "a/b", "../../escape", "..", "Foo Bar", "staff"];

/** Every path under `dir`, so a file written anywhere in it shows. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe.each(DATABASES)("content:export of stored bad addresses, on $name", ({ open }) => {
  let t: TestDb;
  let root: string;
  let content: string;

  beforeAll(async () => {
    t = await open();
    // root/site/content, with an app/ beside it as in the repository: both levels are watched.
    root = mkdtempSync(path.join(tmpdir(), "export-outside-"));
    content = path.join(root, "site", "content");
    mkdirSync(path.join(root, "site", "app"), { recursive: true });
    cpSync(path.join(fixtures, "valid"), content, { recursive: true });
    for (const slug of [...BAD, "made-here"]) {
      await addPageRevision(t.db, {
        slug,
        author: "Old release",
        note: null,
        action: "publish",
        frontmatter: { title: `At ${slug}`, description: "x", lastReviewed: "2026-11-01" },
        body: "Text.",
        baseHash: null,
        parentId: 0,
        now: new Date(),
      });
    }
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("writes nothing outside content/ and names every page it left out", async () => {
    const before = listing(root);
    const report = await exportContent(t.db, { dir: content, format: async (text) => text });
    const after = listing(root);
    // The one good page is written, inside content/.
    expect(report.written).toEqual(["made-here.mdx"]);
    expect(after.filter((name) => !before.includes(name))).toEqual([
      path.join("site", "content", "made-here.mdx"),
    ]);
    expect(before.filter((name) => !after.includes(name))).toEqual([]);
    for (const slug of BAD) {
      const skipped = report.skipped.find((s) => s.reason.includes(JSON.stringify(slug)));
      expect(skipped?.reason, slug).toMatch(/not written: The address .*\/staff\/content/);
    }
  });
});
