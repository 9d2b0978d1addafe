import "server-only";
import type { Kysely } from "kysely";
import type { Database, ScheduledPublish, ScheduleState } from "./types";
import { writeTransaction } from "./write-transaction";

/*
 * Publishes set for a later time (migration 017). A page has at most one
 * pending: scheduling again replaces the one before. Several servers look for
 * due rows at once; each row is taken by exactly one of them through
 * claimSchedule, a single UPDATE only an untaken pending row matches, as
 * claimNotification (notifications.ts) takes an email. A server that stops
 * half-way leaves its claim; after CLAIM_LEASE_MS another server may take the
 * row again, and the publish itself is still made once: it is added on top of
 * the row's parent revision, which the database accepts only once per page.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface NewScheduledPublish {
  slug: string;
  frontmatter: Record<string, unknown>;
  body: string;
  note: string | null;
  baseHash: string | null;
  parentId: number;
  dueAt: Date;
  accountId: string;
  author: string;
  now: Date;
  /** A new page's first publish: published only while its address is still free. */
  newPage?: boolean;
}

/** Adds a schedule; a pending one for the same page that nobody has taken yet is cancelled. */
export async function addScheduledPublish(
  db: Kysely<Database>,
  input: NewScheduledPublish,
): Promise<{ schedule: ScheduledPublish; replaced: number }> {
  return writeTransaction(
    db,
    async (trx) => {
      const replaced = await trx
        .updateTable("scheduled_publishes")
        .set({
          state: "cancelled",
          finished_at: input.now.toISOString(),
          result: `Replaced by a newer schedule from ${input.author}`,
        })
        .where("slug", "=", input.slug)
        .where("state", "=", "pending")
        .where("claimed_at", "is", null)
        .executeTakeFirst();
      const schedule = await trx
        .insertInto("scheduled_publishes")
        .values({
          slug: input.slug,
          frontmatter: JSON.stringify(input.frontmatter),
          body: input.body,
          note: input.note,
          base_hash: input.baseHash,
          parent_id: input.parentId,
          due_at: input.dueAt.toISOString(),
          account_id: input.accountId,
          author: input.author,
          created_at: input.now.toISOString(),
          claimed_by: null,
          claimed_at: null,
          finished_at: null,
          result: null,
          new_page: input.newPage ? 1 : 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { schedule, replaced: Number(replaced.numUpdatedRows) };
    },
    { lock: `schedule:${input.slug}` },
  );
}

export async function getScheduledPublish(
  db: Kysely<Database>,
  id: number,
): Promise<ScheduledPublish | undefined> {
  return db.selectFrom("scheduled_publishes").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The newest schedule of each page that has one (of one page when `slug` is given), any state. */
export async function latestSchedules(
  db: Kysely<Database>,
  slug?: string,
): Promise<ScheduledPublish[]> {
  let newest = db
    .selectFrom("scheduled_publishes")
    .select((eb) => eb.fn.max("id").as("id"))
    .groupBy("slug");
  if (slug !== undefined) newest = newest.where("slug", "=", slug);
  return db.selectFrom("scheduled_publishes").selectAll().where("id", "in", newest).execute();
}

const staleBefore = (now: Date) => new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();

/** Pending rows due at `now` that no server holds (or whose server's claim has run out). */
export async function listDueSchedules(
  db: Kysely<Database>,
  now: Date,
  limit = 20,
): Promise<ScheduledPublish[]> {
  return db
    .selectFrom("scheduled_publishes")
    .selectAll()
    .where("state", "=", "pending")
    .where("due_at", "<=", now.toISOString())
    .where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", staleBefore(now))]))
    .orderBy("due_at")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Takes a due row for `server`. The row must still be as listed: pending and
 * with the claim it had (none, or one run out), so of two servers that listed
 * it, only the first UPDATE matches and the other is told false.
 */
export async function claimSchedule(
  db: Kysely<Database>,
  row: Pick<ScheduledPublish, "id" | "claimed_at">,
  server: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("scheduled_publishes")
    .set({ claimed_by: server, claimed_at: now.toISOString() })
    .where("id", "=", row.id)
    .where("state", "=", "pending")
    .where("due_at", "<=", now.toISOString())
    .where("claimed_at", row.claimed_at === null ? "is" : "=", row.claimed_at)
    .where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", staleBefore(now))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a row `server` holds: published or failed, with what staff are told. */
export async function finishSchedule(
  db: Kysely<Database>,
  id: number,
  server: string,
  outcome: { state: Extract<ScheduleState, "published" | "failed">; result: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("scheduled_publishes")
    .set({ state: outcome.state, result: outcome.result, finished_at: outcome.now.toISOString() })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .where("claimed_by", "=", server)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lets go of a row after an error, so the next check (on any server) tries it again. */
export async function releaseSchedule(
  db: Kysely<Database>,
  id: number,
  server: string,
): Promise<void> {
  await db
    .updateTable("scheduled_publishes")
    .set({ claimed_by: null, claimed_at: null })
    .where("id", "=", id)
    .where("state", "=", "pending")
    .where("claimed_by", "=", server)
    .execute();
}

export type CancelResult = "cancelled" | "too-late" | "not-found";

/**
 * Cancels a pending schedule of `slug` that no server has taken. A row being
 * published at this moment cannot be cancelled: it is "too-late".
 */
export async function cancelSchedule(
  db: Kysely<Database>,
  input: { id: number; slug: string; by: string; now: Date },
): Promise<CancelResult> {
  const result = await db
    .updateTable("scheduled_publishes")
    .set({
      state: "cancelled",
      finished_at: input.now.toISOString(),
      result: `Cancelled by ${input.by}`,
    })
    .where("id", "=", input.id)
    .where("slug", "=", input.slug)
    .where("state", "=", "pending")
    .where("claimed_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return "cancelled";
  const row = await getScheduledPublish(db, input.id);
  return row && row.slug === input.slug ? "too-late" : "not-found";
}
