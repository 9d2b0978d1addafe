import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderHtml } from "../render-html";
import { siteInTempDir } from "./site-in-temp-dir";

/*
 * A revision that throws when rendered, written straight into the database
 * (so no check stopped it), must not take its page down: visitors keep the
 * newest earlier text that renders, and staff are told why.
 */
const now = new Date("2026-11-25T12:00:00Z");

describe("a page whose newest revision cannot be rendered", () => {
  const root = siteInTempDir("render-guard-");
  beforeAll(() => {
    cpSync(path.resolve(__dirname, "../../../public"), path.join(root(), "public"), {
      recursive: true,
    });
  });

  it("is told from one that can: every component's snippet renders, each component called", async () => {
    const { COMPONENT_CATALOGUE, COMPONENT_NAMES } =
      await import("@/lib/validations/component-catalogue");
    const { trialRender } = await import("@/lib/content/mdx/trial-render");
    const { MdxContent } = await import("@/components/mdx/mdx-content");
    const source = COMPONENT_NAMES.map((name) => {
      const { snippet } = COMPONENT_CATALOGUE[name];
      return name === "Question" ? `<Faq>\n${snippet}</Faq>\n` : snippet;
    }).join("\n\n");
    expect(await trialRender(createElement(MdxContent, { source }))).toBeUndefined();
    const broken = source.replace('type="note"', 'type="tip"');
    expect(await trialRender(createElement(MdxContent, { source: broken }))).toMatch(
      /Callout type must be/,
    );
  });

  async function publish(slug: string, body: string) {
    const { getDb } = await import("@/lib/db/client");
    const { latestPageRevision, addPageRevision } = await import("@/lib/db/content-revisions");
    const { forgetContent } = await import("@/lib/content/site/site");
    const db = await getDb();
    const parent = await latestPageRevision(db, slug);
    const result = await addPageRevision(db, {
      slug,
      author: "Sam",
      note: null,
      action: "publish",
      frontmatter: { title: `Title of ${slug}`, description: "Two.", lastReviewed: "2026-11-01" },
      body,
      baseHash: null,
      parentId: parent?.id ?? 0,
      now,
    });
    expect(result.ok).toBe(true);
    forgetContent();
    vi.setSystemTime(Date.now() + 1500);
  }

  async function publicPage(slug: string): Promise<string> {
    const { default: ContentPage } = await import("@/app/[slug]/page");
    return renderHtml(await ContentPage({ params: Promise.resolve({ slug }) }));
  }

  it("keeps serving the previous revision when the newest has a value the renderer refuses", async () => {
    await publish("second", "The previous text, which rendered.");
    expect(await publicPage("second")).toContain("The previous text, which rendered.");

    await publish("second", '<Callout type="tip">\n\nThe broken text.\n\n</Callout>');
    const html = await publicPage("second");
    expect(html).toContain("The previous text, which rendered.");
    expect(html).not.toContain("The broken text.");

    const { getSite } = await import("@/lib/content/site/site");
    const { renderFailure } = await import("@/lib/content/site/rendered-entries");
    const site = await getSite();
    const newest = site.entries.find((e) => e.slug === "second");
    expect(newest?.source).toContain("The broken text.");
    expect(await renderFailure(site, newest?.source ?? "")).toBe(
      'Callout type must be "note" or "warning" (you wrote "tip")',
    );
  });

  it("falls back to the page's file when no earlier revision renders, whatever throws", async () => {
    // A component that fails on its own (the SVG it reads is not there), not on a prop's shape.
    await publish(
      "short-seo-title",
      '<Figure src="/illustrations/gone.svg" alt="A room" caption="Ours." />',
    );
    const html = await publicPage("short-seo-title");
    const { getEntry } = await import("@/lib/content/site/entries");
    const entry = await getEntry("short-seo-title");
    expect(entry?.file).toBe("content/short-seo-title.mdx");
    expect(entry?.source).not.toContain("gone.svg");
    expect(html).not.toContain("gone.svg");
    expect(html).toContain(entry?.frontmatter.title);
  });

  it("does not stop a build over a browser revision, but still over a file in content/", async () => {
    const { getSite, forgetContent } = await import("@/lib/content/site/site");
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    const reload = () => {
      forgetContent();
      vi.setSystemTime(Date.now() + 1500);
      return getSite();
    };
    try {
      const site = await reload();
      expect(site.errors.map((p) => p.message).join()).toMatch(/Callout type must be/);
      const bad = path.join(root(), "content", "bad-file.mdx");
      writeFileSync(
        bad,
        '---\ntitle: "Bad"\ndescription: "Bad."\nlastReviewed: "2026-11-01"\n---\n\n<Callout type="tip">\n\nX\n\n</Callout>\n',
      );
      await expect(reload()).rejects.toThrow(/content\/bad-file\.mdx: line 7: Callout type/);
      rmSync(bad);
      await expect(reload()).resolves.toBeDefined();
    } finally {
      vi.unstubAllEnvs();
      vi.stubEnv("DATA_DIR", path.join(root(), "data"));
      vi.stubEnv("DATABASE_URL", "");
    }
  });
});
