import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContent } from "@/lib/content/export-content";
import { loadSite } from "@/lib/content/site";
import { addClinicRevision, addPageRevision } from "@/lib/db/content-revisions";
import { CONTENT_DIR } from "@/lib/content/paths";
import { DATABASES, type TestDb } from "../db/test-databases";

const now = new Date("2026-11-25T12:00:00Z");
const formatter = async (text: string, file: string) =>
  format(text, {
    ...(await resolveConfig(path.join(CONTENT_DIR, path.basename(file)))),
    filepath: file,
  });

describe.each(DATABASES)("content:export on $name", ({ open }) => {
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

    const written = await exportContent(t.db, { dir, format: formatter });
    expect(written.map((f) => path.basename(f)).sort()).toEqual([
      "benefits.mdx",
      "clinic.yaml",
      "made-here.mdx",
    ]);

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
    for (const file of written) {
      const text = readFileSync(file, "utf8");
      expect(await formatter(text, file)).toBe(text);
    }

    // Once exported, nothing is left to bring over and nothing reads as changed in both places.
    const after = await loadSite(t.db, { dir, includeDrafts: true });
    expect(after.pages.filter((p) => p.browserEdited || p.conflict)).toEqual([]);
    expect(await exportContent(t.db, { dir, format: formatter })).toEqual([]);
  });
});
