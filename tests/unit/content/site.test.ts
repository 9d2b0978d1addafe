import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClinicRevision, addPageRevision } from "@/lib/db/content-revisions";
import { loadSite } from "@/lib/content/site/site";
import { contentHash } from "@/lib/content/mdx/page-source";
import { DATABASES, type TestDb } from "../db/test-databases";

const fixtures = path.join(__dirname, "fixtures");
const publicDir = path.join(fixtures, "broken-public");
const now = new Date("2026-11-25T12:00:00Z");

describe.each(DATABASES)("files and browser revisions on $name", ({ open }) => {
  let t: TestDb;
  let dir: string;
  const load = () => loadSite(t.db, { dir, publicDir, now });
  const publish = (
    slug: string,
    fields: Record<string, unknown>,
    body: string,
    parentId = 0,
    baseHash: string | null = null,
  ) =>
    addPageRevision(t.db, {
      slug,
      author: "Sam",
      note: null,
      action: "publish",
      frontmatter: { description: "About it.", lastReviewed: "2026-11-01", ...fields },
      body,
      baseHash,
      parentId,
      now,
    });

  beforeAll(async () => {
    t = await open();
    dir = mkdtempSync(path.join(tmpdir(), "site-content-"));
    cpSync(path.join(fixtures, "valid"), dir, { recursive: true });
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the files alone while there are no revisions", async () => {
    const site = await load();
    expect(site.errors).toEqual([]);
    expect(site.entries.find((e) => e.slug === "first")?.frontmatter.title).toBe("First article");
    expect(site.pages.every((p) => !p.browserEdited && !p.conflict)).toBe(true);
  });

  it("lets the newest browser revision win over the file, and records the file version it started from", async () => {
    const before = await load();
    const file = before.pages.find((p) => p.slug === "first")?.file;
    const first = await publish(
      "first",
      { title: "Edited in the browser", navOrder: 2 },
      "New **text**.",
      0,
      file?.hash ?? null,
    );
    expect(first.ok).toBe(true);
    const site = await load();
    const entry = site.entries.find((e) => e.slug === "first");
    expect(entry?.frontmatter.title).toBe("Edited in the browser");
    expect(entry?.source).toContain("New **text**.");
    const record = site.pages.find((p) => p.slug === "first");
    expect(record).toMatchObject({ browserEdited: true, conflict: false });
  });

  it("refuses a publish written on top of a revision that is no longer the newest", async () => {
    const site = await load();
    const latest = site.pages.find((p) => p.slug === "first")?.revision;
    const parentId = latest?.id ?? -1;
    const mine = await publish(
      "first",
      { title: "Mine" },
      "Mine.",
      parentId,
      latest?.base_hash ?? null,
    );
    expect(mine.ok).toBe(true);
    const theirs = await publish("first", { title: "Theirs" }, "Theirs.", parentId);
    expect(theirs).toMatchObject({
      ok: false,
      latest: { frontmatter: expect.stringContaining("Mine") },
    });
    expect((await load()).entries.find((e) => e.slug === "first")?.frontmatter.title).toBe("Mine");
  });

  it("lets only one of two simultaneous publishes on the same revision in", async () => {
    const latest = (await load()).pages.find((p) => p.slug === "first")?.revision;
    const results = await Promise.all(
      ["A", "B", "C"].map((who) => publish("first", { title: who }, who, latest?.id ?? 0)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("says 'changed in both places' when the file changes after the browser edit started", async () => {
    writeFileSync(
      path.join(dir, "second.mdx"),
      '---\ntitle: "Second"\ndescription: "Two."\nlastReviewed: "2026-01-01"\n---\n\nOriginal.\n',
    );
    const original = contentHash(
      (await load()).pages.find((p) => p.slug === "second")?.file?.source ?? "",
    );
    const published = await publish("second", { title: "Second, edited" }, "Edited.", 0, original);
    expect(published.ok).toBe(true);
    expect((await load()).pages.find((p) => p.slug === "second")?.conflict).toBe(false);

    writeFileSync(
      path.join(dir, "second.mdx"),
      '---\ntitle: "Second from a deploy"\ndescription: "Two."\nlastReviewed: "2026-01-01"\n---\n\nDeployed.\n',
    );
    const site = await load();
    expect(site.pages.find((p) => p.slug === "second")?.conflict).toBe(true);
    // Until staff choose, the browser version stays on the site.
    expect(site.entries.find((e) => e.slug === "second")?.frontmatter.title).toBe("Second, edited");
  });

  it("goes back to the version in content/ with a 'file' revision", async () => {
    const latest = (await load()).pages.find((p) => p.slug === "second")?.revision;
    const back = await addPageRevision(t.db, {
      slug: "second",
      author: "Sam",
      note: "Keep the deployed file",
      action: "file",
      frontmatter: null,
      body: null,
      baseHash: null,
      parentId: latest?.id ?? 0,
      now,
    });
    expect(back.ok).toBe(true);
    const site = await load();
    expect(site.entries.find((e) => e.slug === "second")?.frontmatter.title).toBe(
      "Second from a deploy",
    );
    expect(site.pages.find((p) => p.slug === "second")).toMatchObject({
      browserEdited: false,
      conflict: false,
    });
  });

  it("adds pages made in the browser and drops them when deleted", async () => {
    const made = await publish("new-page", { title: "A new page", navOrder: 9 }, "Hello.");
    expect(made.ok).toBe(true);
    expect((await load()).entries.map((e) => e.slug)).toContain("new-page");
    const gone = await addPageRevision(t.db, {
      slug: "new-page",
      author: "Sam",
      note: null,
      action: "delete",
      frontmatter: null,
      body: null,
      baseHash: null,
      parentId: made.ok ? made.revision.id : 0,
      now,
    });
    expect(gone.ok).toBe(true);
    const site = await load();
    expect(site.entries.map((e) => e.slug)).not.toContain("new-page");
    expect(site.pages.find((p) => p.slug === "new-page")?.source).toBeUndefined();
  });

  it("uses clinic details published in the browser over clinic.yaml", async () => {
    const before = await load();
    const changed = { ...before.clinic, phone: "+1 555 010 9999" };
    const result = await addClinicRevision(t.db, {
      author: "Sam",
      note: null,
      clinic: changed,
      baseHash: before.clinicFile.hash,
      parentId: 0,
      now,
    });
    expect(result.ok).toBe(true);
    const site = await load();
    expect(site.clinic.phone).toBe("+1 555 010 9999");
    expect(site.clinicConflict).toBe(false);
    const again = await addClinicRevision(t.db, {
      author: "Alex",
      note: null,
      clinic: before.clinic,
      baseHash: before.clinicFile.hash,
      parentId: 0,
      now,
    });
    expect(again.ok).toBe(false);
  });
});
