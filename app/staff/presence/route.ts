import { getDb } from "@/lib/db/client";
import { errorLine, logEvent } from "@/lib/log";
import { getClinic } from "@/lib/content/site/site";
import { withoutActivity } from "@/lib/staff/auth";
import { pageParamSchema } from "@/lib/staff/content-params";
import { guardRoute } from "@/lib/staff/guard";
import { editingNow, leavePage } from "@/lib/staff/presence";
import type { PresenceAnswer } from "@/lib/validations/presence";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The page editor's heartbeat (components/staff/presence/): "I still have
 * this page open; who else has?" With `leave`, its beacon as the page closes.
 * Sent by the page itself, so it does not count as the person's activity.
 */
export async function POST(request: Request): Promise<Response> {
  return withoutActivity(async () => {
    const actor = await guardRoute("POST /staff/presence");
    if (actor instanceof Response) return actor;
    const form = await request.formData().catch(() => undefined);
    const page = pageParamSchema.safeParse(form?.get("page"));
    if (!page.success) {
      return new Response("Refused: page must name a page's address, as in the editor's.\n", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE },
      });
    }
    try {
      const db = await getDb();
      if (form?.get("leave") === "1") {
        await leavePage(db, { actor, page: page.data });
        return new Response(null, { status: 204, headers: NO_STORE });
      }
      const { timezone } = await getClinic();
      const editors = await editingNow(db, {
        actor,
        page: page.data,
        now: new Date(),
        timeZone: timezone,
      });
      return Response.json({ editors } satisfies PresenceAnswer, { headers: NO_STORE });
    } catch (error) {
      // The notice keeps what it showed and the next heartbeat tries again.
      logEvent("staff.presence.failed", { error: errorLine(error) });
      return new Response("Presence is unavailable just now.\n", {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE },
      });
    }
  });
}
