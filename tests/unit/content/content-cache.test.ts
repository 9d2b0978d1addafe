import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { publishTitle as publishTitleOn } from "./publish-title";
import { siteInTempDir } from "./site-in-temp-dir";

/*
 * getSite() keeps the loaded site while nothing it reads has changed, so
 * a request does not parse every page again (the form's answer page renders
 * the layout, which reads it). It loads again on the next check after a
 * publish on another server sharing the database, at once after a publish on
 * this one, and after a content file changes.
 */
const now = new Date("2026-11-25T12:00:00Z");

describe("the loaded site between requests", () => {
  const root = siteInTempDir("content-cache-");
  const later = () => vi.setSystemTime(Date.now() + 1500);

  async function publishTitle(title: string) {
    const { getDb } = await import("@/lib/db/client");
    await publishTitleOn(await getDb(), "second", title, now);
  }

  it("is not loaded again while nothing changed, however many requests come", async () => {
    const { getSite } = await import("@/lib/content/site/site");
    const first = await getSite();
    const burst = await Promise.all(Array.from({ length: 5 }, () => getSite()));
    expect(burst.every((site) => site === first)).toBe(true);
    later();
    expect(await getSite()).toBe(first);
  });

  it("shows a publish made by another server at the next check", async () => {
    const { getEntry } = await import("@/lib/content/site/entries");
    await publishTitle("Published elsewhere");
    // Within the second since the last check, the copy in hand is still used.
    expect((await getEntry("second"))?.frontmatter.title).toBe("Second article");
    later();
    expect((await getEntry("second"))?.frontmatter.title).toBe("Published elsewhere");
  });

  it("shows a publish made on this server at once", async () => {
    const { forgetContent } = await import("@/lib/content/site/site");
    const { getEntry } = await import("@/lib/content/site/entries");
    await publishTitle("Published here");
    forgetContent();
    expect((await getEntry("second"))?.frontmatter.title).toBe("Published here");
  });

  it("is loaded again when a content file changes, and only then", async () => {
    const { getSite } = await import("@/lib/content/site/site");
    const { getClinic } = await import("@/lib/content/site/site");
    const clinic = path.join(root(), "content", "clinic.yaml");
    const stamped = new Date("2026-11-20T08:00:00Z");
    utimesSync(clinic, stamped, stamped);
    later();
    const before = await getSite();
    // Same size and time: not seen, which shows the stamp, not the text, is what is read.
    writeFileSync(clinic, readFileSync(clinic, "utf8").replace("010 0123", "010 9999"));
    utimesSync(clinic, stamped, stamped);
    later();
    expect(await getSite()).toBe(before);
    writeFileSync(clinic, readFileSync(clinic, "utf8").replace("010 9999", "010 45678"));
    later();
    expect(await getSite()).not.toBe(before);
    expect((await getClinic()).phone).toBe("+1 555 010 45678");
  });
});
