import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { siteInTempDir } from "./site-in-temp-dir";

/*
 * `npm run dev`: a change to a page's frontmatter or to clinic.yaml shows on
 * the next reload, without restarting. Content used to be read once into
 * module-level caches; now each render awaits getSite(), which reads the
 * files again when they changed (checked at most once a second).
 */

describe("the site under npm run dev", () => {
  const root = siteInTempDir("dev-reload-");

  it("shows a changed title and clinic phone on the next load, without a restart", async () => {
    const { getEntry } = await import("@/lib/content/site/entries");
    const { getClinic } = await import("@/lib/content/site/site");
    expect((await getEntry("second"))?.frontmatter.title).toBe("Second article");
    expect((await getClinic()).phone).toBe("+1 555 010 0123");

    const page = path.join(root(), "content", "second.mdx");
    writeFileSync(page, readFileSync(page, "utf8").replace("Second article", "Second, renamed"));
    const clinic = path.join(root(), "content", "clinic.yaml");
    writeFileSync(clinic, readFileSync(clinic, "utf8").replace("010 0123", "010 4567"));
    vi.setSystemTime(Date.now() + 1500);
    expect((await getEntry("second"))?.frontmatter.title).toBe("Second, renamed");
    expect((await getClinic()).phone).toBe("+1 555 010 4567");
  });
});
