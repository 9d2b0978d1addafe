import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";
import { writeTransaction } from "./write-transaction";

/*
 * The page editor's drafts: one per person and page, saved as they type and
 * cleared by a publish or a discard. The text itself is never logged.
 *
 * Every save names the version of the draft the editor last saw (0 when it
 * saw none). A save on top of anything else is refused and answers with the
 * draft that is there, so two tabs, or a new sign-in that has not been
 * offered the old draft yet, can never overwrite typing they did not see.
 */
export interface DraftKey {
  owner: string;
  page: string;
}

export interface PageDraft<T = unknown> {
  savedAt: string;
  version: number;
  data: T;
}

export type SaveDraftResult =
  | { ok: true; savedAt: string; version: number }
  | { ok: false; current: Omit<PageDraft, "data"> | undefined };

export async function getPageDraft(
  db: Kysely<Database>,
  key: DraftKey,
): Promise<PageDraft | undefined> {
  const row = await db
    .selectFrom("page_drafts")
    .select(["saved_at", "version", "data"])
    .where("owner", "=", key.owner)
    .where("page", "=", key.page)
    .executeTakeFirst();
  return row && { savedAt: row.saved_at, version: row.version, data: JSON.parse(row.data) };
}

export async function savePageDraft(
  db: Kysely<Database>,
  key: DraftKey,
  draft: { data: unknown; seenVersion: number; now: Date },
): Promise<SaveDraftResult> {
  const savedAt = draft.now.toISOString();
  const data = JSON.stringify(draft.data);
  return writeTransaction(
    db,
    async (trx) => {
      const current = await trx
        .selectFrom("page_drafts")
        .select(["saved_at", "version"])
        .where("owner", "=", key.owner)
        .where("page", "=", key.page)
        .executeTakeFirst();
      const there = current && { savedAt: current.saved_at, version: current.version };
      if ((there?.version ?? 0) !== draft.seenVersion) return { ok: false, current: there };
      const version = draft.seenVersion + 1;
      if (there) {
        await trx
          .updateTable("page_drafts")
          .set({ saved_at: savedAt, version, data })
          .where("owner", "=", key.owner)
          .where("page", "=", key.page)
          .execute();
      } else {
        await trx
          .insertInto("page_drafts")
          .values({ ...key, saved_at: savedAt, version, data })
          .execute();
      }
      return { ok: true, savedAt, version };
    },
    { lock: `page-draft:${key.owner}:${key.page}` },
  );
}

/**
 * Removes the draft (a publish or a discard), only when it is still the
 * version that editor saw: newer typing from another tab stays. True when a
 * draft was removed.
 */
export async function deletePageDraft(
  db: Kysely<Database>,
  key: DraftKey,
  version: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom("page_drafts")
    .where("owner", "=", key.owner)
    .where("page", "=", key.page)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
