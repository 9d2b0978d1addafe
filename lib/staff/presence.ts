import "server-only";
import type { Kysely } from "kysely";
import { otherEditors, recordPresence, removePresence } from "@/lib/db/page-presence";
import type { Database } from "@/lib/db/types";
import type { EditorShown } from "@/lib/validations/presence";
import type { StaffActor } from "./actor";

/*
 * "<name> is editing this page (since 14:02)": the editor page records its
 * sign-in as it opens and at every heartbeat (app/staff/presence), and each
 * time learns who else has the page open. Pages are keyed by slug ("" for
 * the home page), the same key on every server sharing the database.
 */

/** "14:02" in the clinic's time zone: the day is today's for anyone still editing. */
export function presenceTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

/** This person has the page open now; the others who have it open too. */
export async function editingNow(
  db: Kysely<Database>,
  options: { actor: StaffActor; page: string; now: Date; timeZone: string },
): Promise<EditorShown[]> {
  const { actor, page, now, timeZone } = options;
  await recordPresence(db, { page, sessionId: actor.sessionId, accountId: actor.accountId }, now);
  const others = await otherEditors(db, page, actor.accountId, now);
  return others.map((editor) => ({
    name: editor.name,
    since: presenceTime(editor.since, timeZone),
  }));
}

/** The editor was closed or left (its leave beacon). */
export async function leavePage(
  db: Kysely<Database>,
  options: { actor: StaffActor; page: string },
): Promise<void> {
  await removePresence(db, { page: options.page, sessionId: options.actor.sessionId });
}
