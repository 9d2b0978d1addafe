import "server-only";
import type { Kysely } from "kysely";
import { getDb } from "@/lib/db/client";
import { otherEditors, recordPresence, removePresence } from "@/lib/db/page-presence";
import type { Database } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { errorLine, logEvent } from "@/lib/log";
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

/**
 * The editor page as it opens: records this sign-in and gives the notice its
 * first list and heartbeat (components/staff/presence/). A notice, never a
 * reason for the editor not to open: a failure is logged and the list empty.
 */
export async function openPresence(options: {
  actor: StaffActor;
  /** "" for the home page. */
  slug: string;
  timeZone: string;
}): Promise<{ page: string; initial: EditorShown[]; heartbeatMs: number }> {
  const { actor, slug, timeZone } = options;
  let initial: EditorShown[] = [];
  try {
    initial = await editingNow(await getDb(), { actor, page: slug, now: new Date(), timeZone });
  } catch (error) {
    logEvent("staff.presence.failed", { error: errorLine(error) });
  }
  return {
    page: slug || "index",
    initial,
    heartbeatMs: getEnv().PRESENCE_HEARTBEAT_SECONDS * 1000,
  };
}
