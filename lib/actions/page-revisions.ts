"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { forgetContent } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { addPageRevision, getPageRevision } from "@/lib/db/content-revisions";
import { requireStaff } from "@/lib/staff/auth";
import { getAuthorName } from "@/lib/staff/author";
import { pageParamSchema, staffPageHref } from "@/lib/staff/content-params";
import { getSite } from "@/lib/content/site/site";

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
  return { ...parsed.data, page, author, db: await getDb() };
}

function done(slug: string, notice: string): never {
  forgetContent();
  revalidatePath("/", "layout");
  redirect(`${staffPageHref(slug)}?notice=${notice}`);
}

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const { slug, parentId, revision, page, author, db } = await prepare(formData);
  const old = revision ? await getPageRevision(db, revision) : undefined;
  if (!old || old.slug !== slug || old.action !== "publish")
    redirect(`${staffPageHref(slug)}/history`);
  const result = await addPageRevision(db, {
    slug,
    author,
    note: `Restored the version of ${old.created_at.slice(0, 16).replace("T", " ")} UTC`,
    action: "publish",
    frontmatter: JSON.parse(old.frontmatter ?? "{}"),
    body: old.body ?? "",
    baseHash: page.file?.hash ?? null,
    parentId,
    now: new Date(),
  });
  if (!result.ok) redirect(`${staffPageHref(slug)}/history?notice=stale`);
  done(slug, "restored");
}

export async function backToFileAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author, db } = await prepare(formData);
  if (!page.file) redirect(`${staffPageHref(slug)}/history`);
  const result = await addPageRevision(db, {
    slug,
    author,
    note: "Went back to the version in content/",
    action: "file",
    frontmatter: null,
    body: null,
    baseHash: page.file.hash,
    parentId,
    now: new Date(),
  });
  if (!result.ok) redirect(`${staffPageHref(slug)}/history?notice=stale`);
  done(slug, "file");
}

/** After a deploy changed the file: keep the browser version, now counted as based on the new file. */
export async function keepBrowserVersionAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author, db } = await prepare(formData);
  const current = page.revision;
  if (!page.file || !current || current.action !== "publish") redirect(staffPageHref(slug));
  const result = await addPageRevision(db, {
    slug,
    author,
    note: "Kept the browser version over the changed file in content/",
    action: "publish",
    frontmatter: JSON.parse(current.frontmatter ?? "{}"),
    body: current.body ?? "",
    baseHash: page.file.hash,
    parentId,
    now: new Date(),
  });
  if (!result.ok) redirect(`${staffPageHref(slug)}/history?notice=stale`);
  done(slug, "published");
}

export async function deletePageAction(formData: FormData): Promise<void> {
  const { slug, parentId, page, author, confirm, db } = await prepare(formData);
  // A page shipped in content/ can be set to draft, never deleted from here.
  if (page.file) redirect(staffPageHref(slug));
  if (confirm !== "yes") redirect(`${staffPageHref(slug)}?notice=delete-error`);
  const result = await addPageRevision(db, {
    slug,
    author,
    note: "Deleted the page",
    action: "delete",
    frontmatter: null,
    body: null,
    baseHash: null,
    parentId,
    now: new Date(),
  });
  if (!result.ok) redirect(`${staffPageHref(slug)}?notice=delete-error`);
  forgetContent();
  revalidatePath("/", "layout");
  redirect("/staff/content?notice=deleted");
}

/**
 * Deletes a page stored under an address no page may have (an older release
 * or a tampered form put it there). It is named by its newest revision, never
 * by the address, which no form may carry; the address comes from the database.
 */
export async function deleteStoredPageAction(formData: FormData): Promise<void> {
  const session = await requireStaff();
  const revision = z.coerce.number().int().positive().safeParse(formData.get("revision"));
  if (!revision.success || formData.get("confirm") !== "yes")
    redirect("/staff/content?notice=delete-error");
  const site = await getSite();
  const page = site.pages.find((p) => p.revision?.id === revision.data);
  if (!page?.addressProblem || page.file || page.source === undefined)
    redirect("/staff/content?notice=delete-error");
  const result = await addPageRevision(await getDb(), {
    slug: page.slug,
    author: (await getAuthorName(session)) || "Staff",
    note: "Deleted the page, whose address was not a page address",
    action: "delete",
    frontmatter: null,
    body: null,
    baseHash: null,
    parentId: revision.data,
    now: new Date(),
  });
  if (!result.ok) redirect("/staff/content?notice=delete-error");
  forgetContent();
  revalidatePath("/", "layout");
  redirect("/staff/content?notice=deleted");
}
