import "server-only";
import type { Kysely } from "kysely";
import type { ClinicRevision, Database, PageAction, PageRevision } from "./types";

/*
 * Browser edits of pages and clinic details. Revisions are only ever
 * added. A publish names the revision it was written on top of (`parentId`);
 * a unique index on (slug, parent_id) makes the database itself refuse the
 * second of two publishes on the same parent, on SQLite and PostgreSQL alike.
 */

export interface NewPageRevision {
  slug: string;
  /** The person's name at the time, shown in the history. */
  author: string;
  /** Their staff account (migration 014); absent for rows written outside the staff area. */
  accountId?: string | null;
  note: string | null;
  action: PageAction;
  frontmatter: Record<string, unknown> | null;
  body: string | null;
  baseHash: string | null;
  parentId: number;
  now: Date;
}

export type AddResult<T> = { ok: true; revision: T } | { ok: false; latest: T | undefined };

/** The newest revision of every page that has one. */
export async function latestPageRevisions(db: Kysely<Database>): Promise<PageRevision[]> {
  const newest = db
    .selectFrom("page_revisions")
    .select((eb) => eb.fn.max("id").as("id"))
    .groupBy("slug");
  return db.selectFrom("page_revisions").selectAll().where("id", "in", newest).execute();
}

export async function latestPageRevision(
  db: Kysely<Database>,
  slug: string,
): Promise<PageRevision | undefined> {
  return db
    .selectFrom("page_revisions")
    .selectAll()
    .where("slug", "=", slug)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function listPageRevisions(
  db: Kysely<Database>,
  slug: string,
): Promise<PageRevision[]> {
  return db
    .selectFrom("page_revisions")
    .selectAll()
    .where("slug", "=", slug)
    .orderBy("id", "desc")
    .execute();
}

/**
 * A page's revisions, oldest first, each with the name its person's account
 * has now (null for rows written outside the staff area or by a removed account).
 */
export async function pageHistory(
  db: Kysely<Database>,
  slug: string,
): Promise<(PageRevision & { account_name: string | null })[]> {
  return db
    .selectFrom("page_revisions as r")
    .leftJoin("staff_accounts as a", "a.id", "r.account_id")
    .selectAll("r")
    .select("a.name as account_name")
    .where("r.slug", "=", slug)
    .orderBy("r.id", "asc")
    .execute();
}

export async function getPageRevision(
  db: Kysely<Database>,
  id: number,
): Promise<PageRevision | undefined> {
  return db.selectFrom("page_revisions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Adds a revision unless someone else added one on top of `parentId` first. */
export async function addPageRevision(
  db: Kysely<Database>,
  input: NewPageRevision,
): Promise<AddResult<PageRevision>> {
  return addUnlessSuperseded(
    input.parentId,
    () => latestPageRevision(db, input.slug),
    () =>
      db
        .insertInto("page_revisions")
        .values({
          slug: input.slug,
          created_at: input.now.toISOString(),
          author: input.author,
          account_id: input.accountId ?? null,
          note: input.note,
          action: input.action,
          frontmatter: input.frontmatter ? JSON.stringify(input.frontmatter) : null,
          body: input.body,
          base_hash: input.baseHash,
          parent_id: input.parentId,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
  );
}

/**
 * The newest page and clinic revision ids in one small query: whether anyone
 * published since the content was last loaded, without reading the revisions.
 */
export async function revisionStamp(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("page_revisions")
        .select((e) => e.fn.max("id").as("id"))
        .as("page"),
      eb
        .selectFrom("clinic_revisions")
        .select((e) => e.fn.max("id").as("id"))
        .as("clinic"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.page ?? 0}/${row.clinic ?? 0}`;
}

export async function latestClinicRevision(
  db: Kysely<Database>,
): Promise<ClinicRevision | undefined> {
  return db
    .selectFrom("clinic_revisions")
    .selectAll()
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function getClinicRevision(
  db: Kysely<Database>,
  id: number,
): Promise<ClinicRevision | undefined> {
  return db.selectFrom("clinic_revisions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function addClinicRevision(
  db: Kysely<Database>,
  input: {
    author: string;
    accountId?: string | null;
    note: string | null;
    clinic: unknown;
    baseHash: string | null;
    parentId: number;
    now: Date;
  },
): Promise<AddResult<ClinicRevision>> {
  return addUnlessSuperseded(
    input.parentId,
    () => latestClinicRevision(db),
    () =>
      db
        .insertInto("clinic_revisions")
        .values({
          created_at: input.now.toISOString(),
          author: input.author,
          account_id: input.accountId ?? null,
          note: input.note,
          clinic: JSON.stringify(input.clinic),
          base_hash: input.baseHash,
          parent_id: input.parentId,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
  );
}

/*
 * The rule for pages and clinic details alike: a revision is added only on
 * top of the newest one. Checked before the insert, and by the unique index
 * on the parent (per page for pages) when two publishes land at once: the
 * loser's insert fails, and it answers with the winner, read back.
 */
async function addUnlessSuperseded<T extends { id: number }>(
  parentId: number,
  latest: () => Promise<T | undefined>,
  insert: () => Promise<T>,
): Promise<AddResult<T>> {
  const before = await latest();
  if ((before?.id ?? 0) !== parentId) return { ok: false, latest: before };
  try {
    return { ok: true, revision: await insert() };
  } catch (error) {
    const now = await latest();
    if (now && now.id !== before?.id) return { ok: false, latest: now };
    throw error;
  }
}
