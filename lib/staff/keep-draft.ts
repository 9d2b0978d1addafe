import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import { savePageDraft } from "@/lib/db/page-drafts";
import type { EditorValues } from "@/lib/validations/editor-state";
import type { StaffActor } from "./actor";
import { draftKeyOf } from "./draft-key";

/**
 * What the form holds becomes this person's draft, before the editor opens
 * again on it (the Preview button; a publish that needs choices first).
 * Pressed on purpose, so it replaces a draft saved meanwhile in another tab.
 */
export async function keepAsDraft(
  db: Kysely<Database>,
  actor: Pick<StaffActor, "accountId">,
  values: EditorValues,
  now: Date,
): Promise<void> {
  const key = draftKeyOf(actor, values);
  const saved = await savePageDraft(db, key, {
    data: values,
    seenVersion: values.draftVersion,
    now,
  });
  if (!saved.ok) {
    const seenVersion = saved.current?.version ?? 0;
    await savePageDraft(db, key, { data: values, seenVersion, now });
  }
}
