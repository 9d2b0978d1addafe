import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { errorLine, logEvent } from "@/lib/log";
import type { StaffActor } from "@/lib/staff/actor";
import { editingNow } from "@/lib/staff/presence";
import type { EditorShown } from "@/lib/validations/presence";
import { PresenceWatch } from "./presence-watch";

/**
 * Who else has this page open, as the editor opens; opening it records this
 * sign-in too, so colleagues see it at their next heartbeat. A notice, never
 * a reason for the editor not to open: a failure is logged and the list empty.
 */
export async function EditingNow({
  actor,
  slug,
  timeZone,
}: {
  actor: StaffActor;
  /** "" for the home page. */
  slug: string;
  timeZone: string;
}) {
  let editors: EditorShown[] = [];
  try {
    editors = await editingNow(await getDb(), { actor, page: slug, now: new Date(), timeZone });
  } catch (error) {
    logEvent("staff.presence.failed", { error: errorLine(error) });
  }
  return (
    <PresenceWatch
      page={slug || "index"}
      initial={editors}
      heartbeatMs={getEnv().PRESENCE_HEARTBEAT_SECONDS * 1000}
    />
  );
}
