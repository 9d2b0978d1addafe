"use server";

import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getSite } from "@/lib/content/site/site";
import type { Kysely } from "kysely";
import { addPageRevision, getPageRevision, type NewPageRevision } from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import type { PageRecord } from "@/lib/content/types";
import { formFields, staffFormAction, type AuditEntry } from "@/lib/staff/action-client";
import type { AuditEvent } from "@/lib/staff/audit-events";
import type { StaffAction } from "@/lib/staff/endpoints";
import { pageParamSchema, staffPageHref } from "@/lib/staff/content-params";
import type { StaffActor } from "@/lib/staff/actor";
import { byline, contentChanged } from "@/lib/staff/publish-steps";
import { errorLine, logEvent } from "@/lib/log";

/*
 * History actions: restore a revision, go back to the file in content/, keep
 * the browser version after a deploy changed the file, delete a page made in
 * the browser. Each is a new revision on top of the newest, so each can be
 * undone from the history in turn.
 */
const schema = z.object({
  slug: pageParamSchema,
  parentId: z.coerce.number().int().min(0),
  revision: z.coerce.number().int().positive().optional(),
  confirm: z.string().optional(),
});

type HistoryInput = z.output<typeof schema>;
type HistoryContext = {
  db: Kysely<Database>;
  record: (entry: AuditEntry) => void;
  /** Whose revision it is: their name and account (migration 014). */
  actor: StaffActor;
};

/**
 * A history action through the action client: the page named in the form
 * must be one the site knows, under a sound address; `act` then adds its
 * revision and ends in a redirect. A failure before the revision (the
 * database cannot be opened) goes back to the page's history, told so.
 */
function historyAction(
  endpoint: StaffAction,
  act: (input: HistoryInput & { page: PageRecord }, context: HistoryContext) => Promise<never>,
) {
  return staffFormAction({
    endpoint,
    read: formFields(["slug", "parentId", "revision", "confirm"]),
    schema,
    invalid: () => redirect("/staff/content"),
    failed: (error, raw) => {
      logEvent("db.failed", { action: "history action not saved", error: errorLine(error) });
      const slug = pageParamSchema.safeParse(raw.slug);
      redirect(
        slug.success ? `${staffPageHref(slug.data)}/history?notice=save-failed` : "/staff/content",
      );
    },
    run: async ({ input, db, record, actor }) => {
      const site = await getSite();
      const page = site.pages.find((p) => p.slug === input.slug);
      if (!page || page.addressProblem) redirect("/staff/content");
      return act({ ...input, page }, { db, record, actor });
    },
  });
}

/**
 * The one step every history action ends with: the revision is added on top
 * of the one the person saw, and they go to `done` with every page
 * revalidated. When someone changed the page meanwhile they go to `stale`;
 * when the server cannot save, there too, told so, never to a bare 500.
 */
async function commit(
  { db, record, actor }: HistoryContext,
  revision: Omit<NewPageRevision, "now" | "author" | "accountId">,
  where: { done: string; stale: string; event: AuditEvent },
): Promise<never> {
  let ok: boolean;
  try {
    ok = (await addPageRevision(db, { ...revision, ...byline(actor), now: new Date() })).ok;
  } catch (error) {
    unstable_rethrow(error);
    logEvent("db.failed", {
      action: "history action not saved",
      subject: `/${revision.slug}`,
      error: errorLine(error),
    });
    redirect(withNotice(where.stale, "save-failed"));
  }
  if (!ok) redirect(where.stale);
  record({ event: where.event, object: { type: "page", id: `/${revision.slug}` } });
  contentChanged();
  redirect(where.done);
}

const withNotice = (href: string, notice: string) =>
  `${href.replace(/\?notice=[^&]*/, "")}?notice=${notice}`;
const back = (slug: string, notice: string, event: AuditEvent) => ({
  done: `${staffPageHref(slug)}?notice=${notice}`,
  stale: `${staffPageHref(slug)}/history?notice=stale`,
  event,
});

export const restoreRevisionAction = historyAction(
  "restoreRevisionAction",
  async ({ slug, parentId, revision, page }, context) => {
    const old = revision ? await getPageRevision(context.db, revision) : undefined;
    if (!old || old.slug !== slug || old.action !== "publish")
      redirect(`${staffPageHref(slug)}/history`);
    return commit(
      context,
      {
        slug,
        note: `Restored the version of ${old.created_at.slice(0, 16).replace("T", " ")} UTC`,
        action: "publish",
        frontmatter: JSON.parse(old.frontmatter ?? "{}"),
        body: old.body ?? "",
        baseHash: page.file?.hash ?? null,
        parentId,
      },
      back(slug, "restored", "page-restored"),
    );
  },
);

export const backToFileAction = historyAction(
  "backToFileAction",
  async ({ slug, parentId, page }, context) => {
    if (!page.file) redirect(`${staffPageHref(slug)}/history`);
    return commit(
      context,
      {
        slug,
        note: "Went back to the version in content/",
        action: "file",
        frontmatter: null,
        body: null,
        baseHash: page.file.hash,
        parentId,
      },
      back(slug, "file", "page-restored"),
    );
  },
);

/** After a deploy changed the file: keep the browser version, now counted as based on the new file. */
export const keepBrowserVersionAction = historyAction(
  "keepBrowserVersionAction",
  async ({ slug, parentId, page }, context) => {
    const current = page.revision;
    if (!page.file || !current || current.action !== "publish") redirect(staffPageHref(slug));
    return commit(
      context,
      {
        slug,
        note: "Kept the browser version over the changed file in content/",
        action: "publish",
        frontmatter: JSON.parse(current.frontmatter ?? "{}"),
        body: current.body ?? "",
        baseHash: page.file.hash,
        parentId,
      },
      back(slug, "published", "page-published"),
    );
  },
);

const deleted = { action: "delete", frontmatter: null, body: null, baseHash: null } as const;

export const deletePageAction = historyAction(
  "deletePageAction",
  async ({ slug, parentId, page, confirm }, context) => {
    // A page shipped in content/ can be set to draft, never deleted from here.
    if (page.file) redirect(staffPageHref(slug));
    const refused = `${staffPageHref(slug)}?notice=delete-error`;
    if (confirm !== "yes") redirect(refused);
    return commit(
      context,
      { slug, note: "Deleted the page", ...deleted, parentId },
      { done: "/staff/content?notice=deleted", stale: refused, event: "page-deleted" },
    );
  },
);

/**
 * Deletes a page stored under an address no page may have (an older release
 * or a tampered form put it there). It is named by its newest revision, never
 * by the address, which no form may carry; the address comes from the database.
 */
const STORED_REFUSED = "/staff/content?notice=delete-error";

export const deleteStoredPageAction = staffFormAction({
  endpoint: "deleteStoredPageAction",
  read: formFields(["revision", "confirm"]),
  schema: z.object({ revision: z.coerce.number().int().positive(), confirm: z.literal("yes") }),
  invalid: () => redirect(STORED_REFUSED),
  failed: (error) => {
    logEvent("db.failed", { action: "stored page not deleted", error: errorLine(error) });
    redirect(STORED_REFUSED);
  },
  run: async ({ input: { revision }, db, record, actor }) => {
    const site = await getSite();
    const page = site.pages.find((p) => p.revision?.id === revision);
    if (!page?.addressProblem || page.file || page.source === undefined) redirect(STORED_REFUSED);
    return commit(
      { db, record, actor },
      {
        slug: page.slug,
        note: "Deleted the page, whose address was not a page address",
        ...deleted,
        parentId: revision,
      },
      { done: "/staff/content?notice=deleted", stale: STORED_REFUSED, event: "page-deleted" },
    );
  },
});
