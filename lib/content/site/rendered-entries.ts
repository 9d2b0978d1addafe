import "server-only";
import { createElement } from "react";
import { MdxContent } from "@/components/mdx/mdx-content";
import { getDb } from "@/lib/db/client";
import { listPageRevisions } from "@/lib/db/content-revisions";
import { checkContent } from "../checks/check-content";
import { trialRender } from "../mdx/trial-render";
import { contentHash } from "../mdx/page-source";
import type { Entry, PageInput, Site } from "../types";
import { revisionSource } from "./site";
import { logEvent } from "@/lib/log";

/*
 * Nothing published can take a page down. Each page's body is tried once per
 * loaded site, before a visitor meets it; a page that throws (a component
 * bug, a value that slipped past the checks, text from an older release) is
 * served as its newest earlier revision that renders, else its file, and
 * staff see why in the page list. Results are kept per text and clinic
 * details, so an unchanged page is not tried again after a publish elsewhere.
 */

const tried = new Map<string, Promise<string | undefined>>();
const TRIED_MAX = 500;

/** Why a page body cannot be rendered with this site's clinic details, or undefined when it can. */
export function renderFailure(site: Site, source: string): Promise<string | undefined> {
  const key = `${site.clinicFile.hash}:${site.clinicRevision?.id ?? 0}:${contentHash(source)}`;
  let result = tried.get(key);
  if (!result) {
    if (tried.size >= TRIED_MAX) tried.delete(tried.keys().next().value ?? "");
    result = trialRender(createElement(MdxContent, { source }));
    tried.set(key, result);
  }
  return result;
}

/** The page's earlier texts, newest first: its earlier published revisions, then its file. */
async function earlierTexts(site: Site, entry: Entry): Promise<PageInput[]> {
  const page = site.pages.find((p) => p.slug === entry.slug);
  if (!page?.revision) return [];
  const revisions = await listPageRevisions(await getDb(), entry.slug);
  const texts: PageInput[] = revisions
    .filter((r) => r.id < (page.revision?.id ?? 0) && r.action === "publish")
    .map((r) => ({
      slug: r.slug,
      file: `${page.href} (revision ${r.id})`,
      source: revisionSource(r),
    }));
  if (page.file)
    texts.push({
      slug: entry.slug,
      file: `content/${entry.slug || "index"}.mdx`,
      source: page.file.source,
    });
  return texts;
}

/** The entry visitors get for a page that does not render: the newest earlier text that does. */
async function lastThatRenders(site: Site, entry: Entry): Promise<Entry | undefined> {
  for (const input of await earlierTexts(site, entry)) {
    const earlier = checkContent({ pages: [input], clinic: site.clinic }).entries[0];
    // A draft is never shown in place of a published page.
    if (!earlier || (earlier.frontmatter.draft && !entry.frontmatter.draft)) continue;
    if ((await renderFailure(site, earlier.source)) === undefined) return earlier;
  }
  return undefined;
}

const settled = new WeakMap<Site, Promise<Entry[]>>();

/** The site's entries as visitors get them: each as its newest text that renders. */
export function renderableEntries(site: Site): Promise<Entry[]> {
  let entries = settled.get(site);
  if (!entries) {
    entries = Promise.all(
      site.entries.map(async (entry) => {
        const failure = await renderFailure(site, entry.source);
        if (failure === undefined) return entry;
        logEvent("content.fallback", { subject: entry.file, error: failure });
        // With no earlier text that renders, the page is left as it is: a trial that was wrong
        // then costs nothing, and a page that really fails says so in the log and the page list.
        return (await lastThatRenders(site, entry)) ?? entry;
      }),
    ).catch((error: unknown) => {
      // A database that failed this once is asked again on the next request.
      settled.delete(site);
      throw error;
    });
    settled.set(site, entries);
  }
  return entries;
}
