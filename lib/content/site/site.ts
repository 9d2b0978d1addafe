import "server-only";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Kysely } from "kysely";
import { parse as parseYaml } from "yaml";
import { getDb, SQLITE_FILE } from "@/lib/db/client";
import {
  latestClinicRevision,
  latestPageRevisions,
  revisionStamp,
} from "@/lib/db/content-revisions";
import type { Database, PageRevision } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { clinicSchema, type Clinic } from "@/lib/validations/clinic-schema";
import { checkContent } from "../checks/check-content";
import { storedSlugProblem } from "../checks/slug";
import { loadClinic } from "../files/clinic-file";
import { readContentFiles } from "../files/content-files";
import { CLINIC_FILE, CONTENT_DIR } from "../files/paths";
import { composeSource, contentHash, samePage } from "../mdx/page-source";
import type { PageInput, PageRecord, Site } from "../types";
import { logEvent } from "@/lib/log";

/*
 * The site's content = files in content/ + the newest browser revision of
 * each page and of the clinic details. A browser revision wins over its file
 * until staff choose otherwise; it records the file version it started from,
 * so a later deploy that changes the file shows as "changed in both places".
 * Every route, component and action that shows content awaits getSite() (or
 * getClinic()) where it uses it: nothing is read from a global filled earlier.
 */

export function revisionSource(revision: PageRevision): string {
  return composeSource(JSON.parse(revision.frontmatter ?? "{}"), revision.body ?? "");
}

export function pageInputs(files: PageInput[], revisions: PageRevision[]): PageRecord[] {
  const bySlug = new Map<string, PageRecord>();
  for (const file of files) {
    bySlug.set(file.slug, {
      slug: file.slug,
      href: `/${file.slug}`,
      file: { source: file.source, hash: contentHash(file.source) },
      source: file.source,
      browserEdited: false,
      conflict: false,
    });
  }
  for (const revision of revisions) {
    const record: PageRecord = bySlug.get(revision.slug) ?? {
      slug: revision.slug,
      href: `/${revision.slug}`,
      source: undefined,
      browserEdited: false,
      conflict: false,
    };
    record.revision = revision;
    const addressProblem = storedSlugProblem(revision.slug);
    if (addressProblem) record.addressProblem = `The address ${addressProblem}`;
    if (revision.action === "publish") {
      record.source = revisionSource(revision);
      // Once exported into content/, the file says the same as the revision: nothing left to bring over.
      const inFile = record.file !== undefined && samePage(record.file.source, record.source);
      record.browserEdited = !inFile;
      record.conflict =
        record.file !== undefined && record.file.hash !== revision.base_hash && !inFile;
    } else if (revision.action === "delete") {
      // Only browser-made pages can be deleted; a file always stays (it can be set to draft).
      record.source = record.file?.source;
    } else {
      record.source = record.file?.source;
    }
    bySlug.set(revision.slug, record);
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

interface LoadOptions {
  dir?: string;
  publicDir?: string;
  includeDrafts?: boolean;
  now?: Date;
}

/** Files plus the newest revisions in `db` (or the files alone without one), checked. */
export async function loadSite(
  db: Kysely<Database> | undefined,
  options: LoadOptions = {},
): Promise<Site> {
  const dir = options.dir ?? CONTENT_DIR;
  const files = readContentFiles(dir);
  const [revisions, clinicRevision] = db
    ? await Promise.all([latestPageRevisions(db), latestClinicRevision(db)])
    : [[], undefined];
  const pages = pageInputs(files.pages, revisions);

  const clinicText = readFileSync(path.join(/*turbopackIgnore: true*/ dir, CLINIC_FILE), "utf8");
  const clinicFile = { source: clinicText, hash: contentHash(clinicText) };
  let clinic: Clinic | undefined;
  if (clinicRevision) {
    const parsed = clinicSchema.safeParse(JSON.parse(clinicRevision.clinic));
    if (parsed.success) clinic = parsed.data;
  }
  const report = checkContent({
    ...options,
    dir,
    clinic: clinic ?? undefined,
    // A page whose address is not one never joins the site, its menu or its sitemap.
    pages: pages.flatMap((page) =>
      page.source === undefined || page.addressProblem
        ? []
        : [
            {
              slug: page.slug,
              file:
                page.browserEdited || !page.file
                  ? `${page.href} (published in the browser)`
                  : `content/${page.slug || "index"}.mdx`,
              source: page.source,
            },
          ],
    ),
  });
  report.errors.unshift(...files.errors);
  return {
    ...report,
    pages,
    clinic: clinic ?? loadClinic(dir),
    clinicFile,
    clinicRevision,
    clinicConflict:
      clinicRevision !== undefined &&
      clinicRevision.base_hash !== clinicFile.hash &&
      !(clinic && sameClinic(clinicText, clinic)),
  };
}

/** Whether clinic.yaml holds these details (it was exported), comments and quoting aside. */
function sameClinic(yamlText: string, clinic: Clinic): boolean {
  try {
    const parsed = clinicSchema.safeParse(parseYaml(yamlText));
    return parsed.success && isDeepStrictEqual(parsed.data, clinic);
  } catch {
    return false;
  }
}

/** Whether the database can be read now: not while `next build` runs on a machine without one yet. */
function databaseAvailable(): boolean {
  if (process.env.NEXT_PHASE !== "phase-production-build") return true;
  const env = getEnv();
  return Boolean(env.DATABASE_URL) || existsSync(path.join(env.DATA_DIR, SQLITE_FILE));
}

/**
 * What a reload would read, in a few bytes: the newest revision ids (a
 * publish on this server or another one sharing the database) and each
 * content file's size and time (an edit under `npm run dev`, a deploy).
 */
async function contentStamp(db: Kysely<Database> | undefined): Promise<string> {
  const files = readdirSync(/*turbopackIgnore: true*/ CONTENT_DIR)
    .sort()
    .map((name) => {
      const stat = statSync(path.join(/*turbopackIgnore: true*/ CONTENT_DIR, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    });
  return `${db ? await revisionStamp(db) : "-"}|${files.join("|")}`;
}

/**
 * Loads the current content for the routes that show it. Problems in files
 * stop the build as before; at run time they are logged and the page with
 * them is left out, so one bad page never takes the site down.
 */
async function loadCurrent(db: Kysely<Database> | undefined): Promise<Site> {
  const includeDrafts = process.env.NODE_ENV !== "production";
  const site = await loadSite(db, { includeDrafts });
  if (site.errors.length > 0) {
    const lines = site.errors.map((p) => `  ${p.file}: ${p.message}`).join("\n");
    // Files in content/ are fixed before a deploy, so their problems stop the build. A browser
    // revision that an older release's checks let through is only logged: it is served as its
    // last text that renders (rendered-entries.ts), and a stricter release still deploys.
    const inFiles = site.errors.filter((p) => p.file.startsWith("content/"));
    if (process.env.NEXT_PHASE === "phase-production-build" && inFiles.length > 0)
      throw new Error(
        `Content has ${site.errors.length} problem(s); run npm run content:check\n${lines}`,
      );
    logEvent("content.invalid", { counts: { problems: site.errors.length }, error: lines });
  }
  return site;
}

/*
 * Loading parses and checks every page (tens of milliseconds), far too much
 * for every request: the form's answer page alone renders the layout. So the
 * loaded site is kept while its stamp holds. The stamp is read at most once a
 * second, and a burst of renders (a page, its metadata, the layout) waits on
 * one check rather than starting one each. Checks run one after another, so
 * an older load can never land after a newer one.
 */
export const CHECK_EVERY_MS = 1000;
let current: { site: Site; stamp: string; checkedAt: number } | undefined;
let checking: { generation: number; promise: Promise<Site> } | undefined;
/** Counts publishes on this server: a check begun before one may have missed it. */
let generation = 0;

/** The current content: loaded again when a publish or a changed file makes it stale. */
export async function getSite(): Promise<Site> {
  if (current && Date.now() - current.checkedAt < CHECK_EVERY_MS) return current.site;
  if (!checking || checking.generation !== generation) {
    const before = checking?.promise.catch(() => undefined);
    const started = generation;
    const promise = (async () => {
      await before;
      return checkAndLoad(started);
    })();
    const clear = () => {
      if (checking?.promise === promise) checking = undefined;
    };
    promise.then(clear, clear);
    checking = { generation: started, promise };
  }
  return checking.promise;
}

async function checkAndLoad(started: number): Promise<Site> {
  const db = databaseAvailable() ? await getDb() : undefined;
  const stamp = await contentStamp(db);
  if (!current || current.stamp !== stamp) {
    current = { site: await loadCurrent(db), stamp, checkedAt: 0 };
  }
  // A publish while this ran may be missing from it: then the next render checks again.
  if (generation === started) current.checkedAt = Date.now();
  return current.site;
}

/** After a publish: the next render checks the stamp instead of using the last second's copy. */
export function forgetContent(): void {
  generation += 1;
  if (current) current.checkedAt = 0;
}

/** The clinic details the site shows now: the newest published in the browser, else clinic.yaml. */
export async function getClinic(): Promise<Clinic> {
  return (await getSite()).clinic;
}
