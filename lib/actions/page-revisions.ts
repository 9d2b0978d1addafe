"use server";

import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getSite } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { addPageRevision, getPageRevision, type NewPageRevision } from "@/lib/db/content-revisions";
import { describeDbError } from "@/lib/db/write-transaction";
import { requireStaff } from "@/lib/staff/auth";
import { getAuthorName } from "@/lib/staff/author";
import { pageParamSchema, staffPageHref } from "@/lib/staff/content-params";
import { contentChanged } from "@/lib/staff/publish-steps";

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

async function prepare(formData: FormData) {
  // Without a session requireStaff goes to sign-in: nothing below runs.
  const session = await requireStaff();
  const parsed = schema.safeParse(
    Object.fromEntries(
      ["slug", "parentId", "revision", "confirm"].map((key) => [
        key,
        formData.get(key) ?? undefined,
      ]),
    ),
  );
  if (!parsed.success) redirect("/staff/content");
  const site = await getSite();
  const page = site.pages.find((p) => p.slug === parsed.data.slug);
  if (!page || page.addressProblem) redirect("/staff/content");
  // The name given at the last publish; history actions do not ask again.
  const author = (await getAuthorName(session)) || "Staff";
  return { ...parsed.data, page, author };
}

/**
 * The one step every history action ends with: the revision is added on top
 * of the one the person saw, and they go to `done` with every page
 * revalidated. When someone changed the page meanwhile they go to `stale`;
 * when the server cannot save, there too, told so, never to a bare 500.
 */
async function commit(
  revision: Omit<NewPageRevision, "now">,
  where: { done: string; stale: string },
): Promise<never> {
  let ok: boolean;
  try {
    ok = (await addPageRevision(await getDb(), { ...revision, now: new Date() })).ok;
  } catch (error) {
    unstable_rethrow(error);
    console.error(`History action on /${revision.slug} not saved: ${describeDbError(error)}`);
    redirect(withNotice(where.stale, "save-failed"));
  }
  if (!ok) redirect(where.stale);
  contentChanged();
  redirect(where.done);
}

const withNotice = (href: string, notice: string) =>
  `${href.replace(/\?notice=[^&]*/, "")}?notice=${notice}`;
const back = (slug: string, notice: string) => ({
  done: `${staffPageHref(slug)}?notice=${notice}`,
  stale: `${staffPageHref(slug)}/history?notice=stale`,
});

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const { slug, parentId, revision, page, author } = await prepare(formData);
  const old = revision ? await getPageRevision(await getDb(), revision) : undefined;
  if (!old || old.slug !== slug || old.action !== "publish")
    redirect(`${staffPageHref(slug)}/history`);
  await commit(
    {
      slug,
      author,
      note: `Restored the version of ${old.created_at.slice(0, 16).replace("T", " ")} UTC`,
      action: "publish",
      frontmatter: JSON.parse(old.frontmatter ?? "{}"),
      body: old.body ?? "",
      baseHash: page.file?.hash ?? null,
      parentId,
    },
    back(slug, "restored"),
  );
}

export async function backToFileAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author } = await prepare(formData);
  if (!page.file) redirect(`${staffPageHref(slug)}/history`);
  await commit(
    {
      slug,
      author,
      note: "Went back to the version in content/",
      action: "file",
      frontmatter: null,
      body: null,
      baseHash: page.file.hash,
      parentId,
    },
    back(slug, "file"),
  );
}

/** After a deploy changed the file: keep the browser version, now counted as based on the new file. */
export async function keepBrowserVersionAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author } = await prepare(formData);
  const current = page.revision;
  if (!page.file || !current || current.action !== "publish") redirect(staffPageHref(slug));
  await commit(
    {
      slug,
      author,
      note: "Kept the browser version over the changed file in content/",
      action: "publish",
      frontmatter: JSON.parse(current.frontmatter ?? "{}"),
      body: current.body ?? "",
      baseHash: page.file.hash,
      parentId,
    },
    back(slug, "published"),
  );
}

const deleted = { action: "delete", frontmatter: null, body: null, baseHash: null } as const;

export async function deletePageAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author, confirm } = await prepare(formData);
  // A page shipped in content/ can be set to draft, never deleted from here.
  if (page.file) redirect(staffPageHref(slug));
  const refused = `${staffPageHref(slug)}?notice=delete-error`;
  if (confirm !== "yes") redirect(refused);
  await commit(
    { slug, author, note: "Deleted the page", ...deleted, parentId },
    { done: "/staff/content?notice=deleted", stale: refused },
  );
}

/**
 * Deletes a page stored under an address no page may have (an older release
 * or a tampered form put it there). It is named by its newest revision, never
 * by the address, which no form may carry; the address comes from the database.
 */
export async function deleteStoredPageAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  const refused = "/staff/content?notice=delete-error";
  const revision = z.coerce.number().int().positive().safeParse(formData.get("revision"));
  if (!revision.success || formData.get("confirm") !== "yes") redirect(refused);
  const site = await getSite();
  const page = site.pages.find((p) => p.revision?.id === revision.data);
  if (!page?.addressProblem || page.file || page.source === undefined) redirect(refused);
  await commit(
    {
      slug: page.slug,
      author: (await getAuthorName(session)) || "Staff",
      note: "Deleted the page, whose address was not a page address",
      ...deleted,
      parentId: revision.data,
    },
    { done: "/staff/content?notice=deleted", stale: refused },
  );
}
