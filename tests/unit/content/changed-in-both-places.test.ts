import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "@/lib/content/site/site";
import { addClinicRevision, addPageRevision } from "@/lib/db/content-revisions";
import type { PageAction } from "@/lib/db/types";
import { DATABASES, type TestDb } from "../db/test-databases";
import type { PageRecord } from "@/lib/content/types";

/*
 * The rule in content/README.md: a page changed in both places when a deploy
 * brings a content/ file that differs from the version the browser edit
 * started from, and from the browser version itself. Staff then keep the
 * browser version (a publish based on the new file) or go back to the file.
 */
const fixtures = path.join(__dirname, "fixtures");
const publicDir = path.join(fixtures, "broken-public");
const now = new Date("2026-11-25T12:00:00Z");
const file = (title: string, body: string) =>
  `---\ntitle: "${title}"\ndescription: "Two."\nlastReviewed: "2026-06-01"\n---\n\n${body}\n`;

describe.each(DATABASES)("changed in both places, on $name", ({ open }) => {
  let t: TestDb;
  let dir: string;
  const site = () => loadSite(t.db, { dir, publicDir, now, includeDrafts: true });
  const record = async (slug: string) =>
    (await site()).pages.find((p) => p.slug === slug) as PageRecord;
  const title = async (slug: string) =>
    (await site()).entries.find((e) => e.slug === slug)?.frontmatter.title;
  const deploy = (slug: string, text: string) => writeFileSync(path.join(dir, `${slug}.mdx`), text);
  /** A revision on top of the page's newest, as the editor and history actions add them. */
  const add = async (
    slug: string,
    action: PageAction,
    baseHash: string | null,
    fields: { title: string; body: string } | null,
  ) => {
    const latest = (await record(slug))?.revision;
    const result = await addPageRevision(t.db, {
      slug,
      author: "Sam",
      note: null,
      action,
      frontmatter: fields && {
        title: fields.title,
        description: "Two.",
        lastReviewed: "2026-06-01",
      },
      body: fields?.body ?? null,
      baseHash,
      parentId: latest?.id ?? 0,
      now,
    });
    expect(result.ok).toBe(true);
  };

  beforeAll(async () => {
    t = await open();
    dir = mkdtempSync(path.join(tmpdir(), "both-places-"));
    cpSync(path.join(fixtures, "valid"), dir, { recursive: true });
    deploy("second", file("Second", "Original."));
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is not a conflict while the file is the version the browser edit started from", async () => {
    await add("second", "publish", (await record("second")).file?.hash ?? null, {
      title: "Second, edited",
      body: "Edited.",
    });
    expect(await record("second")).toMatchObject({ browserEdited: true, conflict: false });
  });

  it("is a conflict when a deploy changes the file, and the browser version stays until staff choose", async () => {
    deploy("second", file("Second from a deploy", "Deployed."));
    expect((await record("second")).conflict).toBe(true);
    expect(await title("second")).toBe("Second, edited");
  });

  it("keeping the browser version publishes it again, based on the new file", async () => {
    const current = await record("second");
    await add("second", "publish", current.file?.hash ?? null, {
      title: "Second, edited",
      body: "Edited.",
    });
    expect(await record("second")).toMatchObject({ browserEdited: true, conflict: false });
    expect(await title("second")).toBe("Second, edited");
  });

  it("going back to the file shows the deployed version and ends the conflict", async () => {
    deploy("second", file("Second, deployed again", "Deployed again."));
    expect((await record("second")).conflict).toBe(true);
    await add("second", "file", (await record("second")).file?.hash ?? null, null);
    expect(await record("second")).toMatchObject({ browserEdited: false, conflict: false });
    expect(await title("second")).toBe("Second, deployed again");
  });

  it("is not a conflict when the deployed file says what the browser version says (it was exported)", async () => {
    await add("second", "publish", (await record("second")).file?.hash ?? null, {
      title: "Second, edited once more",
      body: "Some *words*.",
    });
    // Spelt as Prettier writes it: other bytes, the same page.
    deploy("second", file("Second, edited once more", "Some _words_."));
    expect(await record("second")).toMatchObject({ conflict: false, browserEdited: false });
    deploy("second", file("Second, edited once more", "Some _other_ words."));
    expect(await record("second")).toMatchObject({ conflict: true, browserEdited: true });
  });

  it("is a conflict when a page made in the browser meets a different file at its address", async () => {
    await add("made-here", "publish", null, { title: "Made here", body: "Browser." });
    expect((await record("made-here")).conflict).toBe(false);
    deploy("made-here", file("Made in a file", "File."));
    expect((await record("made-here")).conflict).toBe(true);
  });

  it("applies the same rule to clinic.yaml", async () => {
    const before = await site();
    const clinicFile = path.join(dir, "clinic.yaml");
    const result = await addClinicRevision(t.db, {
      author: "Sam",
      note: null,
      clinic: { ...before.clinic, phone: "+1 555 010 9999" },
      baseHash: before.clinicFile.hash,
      parentId: 0,
      now,
    });
    expect(result.ok).toBe(true);
    expect((await site()).clinicConflict).toBe(false);
    const yaml = before.clinicFile.source;
    writeFileSync(clinicFile, yaml.replace("one working day", "two working days"));
    expect((await site()).clinicConflict).toBe(true);
    writeFileSync(clinicFile, yaml.replace('"+1 555 010 0123"', '"+1 555 010 9999"'));
    expect((await site()).clinicConflict).toBe(false);
  });
});
