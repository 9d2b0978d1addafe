import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContent } from "@/lib/content/files/export-content";
import { composeSource, samePage } from "@/lib/content/mdx/page-source";
import { CONTENT_DIR } from "@/lib/content/files/paths";
import { loadSite, revisionSource } from "@/lib/content/site/site";
import { addClinicRevision, addPageRevision } from "@/lib/db/content-revisions";
import { DATABASES, type TestDb } from "../db/test-databases";
import type { Entry, Site } from "@/lib/content/types";

const fixtures = path.join(__dirname, "fixtures");
const publicDir = path.join(fixtures, "broken-public");
const now = new Date("2026-11-25T12:00:00Z");

// Written as a staff member types, not as Prettier would: `*` emphasis and bullets.
const EDITED_BODY = `*Gentle* text, and a list:

* one
* two

<Callout type="note" title="A note">

Inside the box.

</Callout>

## A section

Read [the first article](/first).`;

/** What a visitor gets from an entry, apart from how its text is spelt. */
function shown(entry: Entry) {
  const { source, file, ...rest } = entry;
  void file;
  return { ...rest, sourceLength: source.length > 0 };
}

describe.each(DATABASES)("npm run content:export on $name", ({ open }) => {
  let t: TestDb;
  let dir: string;
  let before: Site;
  const load = (db: TestDb["db"] | undefined) =>
    loadSite(db, { dir, publicDir, now, includeDrafts: true });

  beforeAll(async () => {
    t = await open();
    dir = mkdtempSync(path.join(tmpdir(), "export-content-"));
    cpSync(path.join(fixtures, "valid"), dir, { recursive: true });
    const files = await load(t.db);
    const second = files.pages.find((p) => p.slug === "second");
    const page = (
      slug: string,
      frontmatter: Record<string, unknown>,
      body: string,
      base?: string,
    ) =>
      addPageRevision(t.db, {
        slug,
        author: "Sam",
        note: null,
        action: "publish",
        frontmatter: { description: "About it.", lastReviewed: "2026-11-01", ...frontmatter },
        body,
        baseHash: base ?? null,
        parentId: 0,
        now,
      });
    await page(
      "second",
      { title: "Second, edited in the browser", reviewedBy: "A. Reviewer", navOrder: 1 },
      EDITED_BODY,
      second?.file?.hash,
    );
    await page("made-here", { title: "Made in the browser", kind: "page", draft: true }, "Hello.");
    await addClinicRevision(t.db, {
      author: "Sam",
      note: null,
      clinic: {
        ...files.clinic,
        phone: "+1 555 010 9999",
        openingHours: [
          ...files.clinic.openingHours,
          { days: ["Friday", "Sunday"], opens: "10:00", closes: "14:00" },
        ],
      },
      baseHash: files.clinicFile.hash,
      parentId: 0,
      now,
    });
    before = await load(t.db);
    expect(before.errors).toEqual([]);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the browser's pages and clinic details into content/, formatted for Prettier", async () => {
    const report = await exportContent(t.db, { dir });
    expect(report.written.sort()).toEqual(["clinic.yaml", "made-here.mdx", "second.mdx"]);
    expect(report.skipped).toEqual([]);
    for (const name of report.written) {
      const file = path.join(dir, name);
      const options = await prettier.resolveConfig(path.join(process.cwd(), name));
      expect(await prettier.check(readFileSync(file, "utf8"), { ...options, filepath: file })).toBe(
        true,
      );
    }
    const second = readFileSync(path.join(dir, "second.mdx"), "utf8");
    // Prettier respelt it, so the file is the same page but not the same bytes.
    expect(second).toContain("_Gentle_ text");
    const revision = before.pages.find((p) => p.slug === "second")?.revision;
    expect(second).not.toBe(revision && revisionSource(revision));
    expect(readFileSync(path.join(dir, "made-here.mdx"), "utf8")).toContain("draft: true");
  });

  it("changes only the changed lines of clinic.yaml, keeping its comments, quoting and wrapping", () => {
    const original = readFileSync(path.join(fixtures, "valid", "clinic.yaml"), "utf8");
    const expected = original
      .replace('phone: "+1 555 010 0123"', 'phone: "+1 555 010 9999"')
      .replace(
        '    closes: "13:00"\n',
        '    closes: "13:00"\n  - days: [Friday, Sunday]\n    opens: "10:00"\n    closes: "14:00"\n',
      );
    expect(expected).not.toBe(original);
    expect(readFileSync(path.join(dir, "clinic.yaml"), "utf8")).toBe(expected);
  });

  it("gives the same pages and clinic details when the files are loaded alone", async () => {
    const files = await load(undefined);
    expect(files.errors).toEqual([]);
    expect(files.clinic).toEqual(before.clinic);
    expect(files.entries.map(shown)).toEqual(before.entries.map(shown));
    for (const entry of files.entries) {
      const was = before.entries.find((e) => e.slug === entry.slug);
      expect(samePage(entry.source, was?.source ?? ""), entry.slug).toBe(true);
    }
  });

  it("leaves nothing 'changed in both places' once exported, and a second export writes nothing", async () => {
    const site = await load(t.db);
    expect(site.pages.filter((p) => p.conflict)).toEqual([]);
    expect(site.clinicConflict).toBe(false);
    // The revision still holds the page, but content/ has it now: nothing left to bring over.
    expect(site.pages.find((p) => p.slug === "second")).toMatchObject({
      browserEdited: false,
      revision: { action: "publish" },
    });
    const again = await exportContent(t.db, { dir });
    expect(again.written).toEqual([]);
    expect(again.unchanged.sort()).toEqual(["clinic.yaml", "made-here.mdx", "second.mdx"]);
  });

  it("leaves a page that changed in both places alone and says why", async () => {
    const deployed =
      '---\ntitle: "Second from a deploy"\ndescription: "Two."\nlastReviewed: "2026-06-01"\n---\n\nDeployed.\n';
    writeFileSync(path.join(dir, "second.mdx"), deployed);
    const report = await exportContent(t.db, { dir });
    expect(report.skipped).toEqual([
      { file: "second.mdx", reason: expect.stringContaining("changed in both places") },
    ]);
    expect(readFileSync(path.join(dir, "second.mdx"), "utf8")).toBe(deployed);
  });
});

const formatter = async (text: string, file: string) =>
  prettier.format(text, {
    ...(await prettier.resolveConfig(path.join(CONTENT_DIR, path.basename(file)))),
    filepath: file,
  });

describe.each(DATABASES)("content:export of the real content/ on $name", ({ open }) => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await open();
    dir = mkdtempSync(path.join(tmpdir(), "export-"));
    cpSync(CONTENT_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes browser edits back so that loading the files gives the same pages and clinic details", async () => {
    const before = await loadSite(t.db, { dir, includeDrafts: true });
    const benefits = before.pages.find((p) => p.slug === "benefits");
    const fm = before.entries.find((e) => e.slug === "benefits")?.frontmatter;
    await addPageRevision(t.db, {
      slug: "benefits",
      author: "Sam",
      note: null,
      action: "publish",
      frontmatter: { ...fm, title: "Benefits, edited in the browser" },
      body: "A *short* page now.\n\n* one\n* two\n\nRead [the tips](/tips).",
      baseHash: benefits?.file?.hash ?? null,
      parentId: 0,
      now,
    });
    await addPageRevision(t.db, {
      slug: "made-here",
      author: "Sam",
      note: null,
      action: "publish",
      frontmatter: {
        title: "Made here",
        description: "A page made in the browser.",
        lastReviewed: "2026-11-01",
        navOrder: 40,
      },
      body: "Hello from the browser.",
      baseHash: null,
      parentId: 0,
      now,
    });
    await addClinicRevision(t.db, {
      author: "Sam",
      note: null,
      clinic: { ...before.clinic, phone: "+1 555 010 4242" },
      baseHash: before.clinicFile.hash,
      parentId: 0,
      now,
    });
    const live = await loadSite(t.db, { dir, includeDrafts: true });

    const { written } = await exportContent(t.db, { dir, format: formatter });
    expect(written.sort()).toEqual(["benefits.mdx", "clinic.yaml", "made-here.mdx"]);

    const fromFiles = await loadSite(undefined, { dir, includeDrafts: true });
    expect(fromFiles.errors).toEqual([]);
    const shape = (site: typeof live) =>
      site.entries.map(({ source: _source, file: _file, ...entry }) => entry);
    expect(shape(fromFiles)).toEqual(shape(live));
    expect(fromFiles.clinic).toEqual(live.clinic);

    // Comments in clinic.yaml survive, and the files pass the formatter as they are.
    const clinicYaml = readFileSync(path.join(dir, "clinic.yaml"), "utf8");
    expect(clinicYaml).toContain("# Clinic facts: the one place");
    expect(clinicYaml).toContain('phone: "+1 555 010 4242"');
    for (const name of written) {
      const file = path.join(dir, name);
      const text = readFileSync(file, "utf8");
      expect(await formatter(text, file)).toBe(text);
    }

    // Once exported, nothing is left to bring over and nothing reads as changed in both places.
    const after = await loadSite(t.db, { dir, includeDrafts: true });
    expect(after.pages.filter((p) => p.browserEdited || p.conflict)).toEqual([]);
    expect((await exportContent(t.db, { dir, format: formatter })).written).toEqual([]);
  });
});

it("writes frontmatter lists as the files write them, so an exported page reads as a hand edit", () => {
  const text = composeSource(
    {
      title: "T",
      description: "D.",
      lastReviewed: "2026-11-01",
      sources: ["acp-2017", "nice-ng59"],
    },
    "Body.",
  );
  expect(text).toContain('title: "T"\n');
  expect(text).toContain("sources: [acp-2017, nice-ng59]\n");
});
