"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { cancelSchedule, getScheduledPublish } from "@/lib/db/scheduled-publishes";
import { errorLine, logEvent } from "@/lib/log";
import { formFields, staffFormAction } from "@/lib/staff/action-client";
import { pageParamSchema, staffPageHref } from "@/lib/staff/content-params";

/*
 * Cancelling a scheduled publish, from the page's editor: a plain form, so it
 * works without JavaScript. The schedule is named by its id and its page,
 * both checked against the row; one that a server is publishing at this
 * moment, or has published, can no longer be cancelled, and the page says so.
 * A new page's schedule is cancelled from the page list, and goes back there.
 */
export const cancelScheduledPublishAction = staffFormAction({
  endpoint: "cancelScheduledPublishAction",
  read: formFields(["slug", "schedule"]),
  schema: z.object({ slug: pageParamSchema, schedule: z.coerce.number().int().positive() }),
  invalid: () => redirect("/staff/content"),
  failed: (error, raw) => {
    logEvent("db.failed", { action: "scheduled publish not cancelled", error: errorLine(error) });
    const slug = pageParamSchema.safeParse(raw.slug);
    redirect(slug.success ? `${staffPageHref(slug.data)}?notice=save-failed` : "/staff/content");
  },
  run: async ({ input: { slug, schedule }, db, now, actor, record }) => {
    const result = await cancelSchedule(db, { id: schedule, slug, by: actor.name, now });
    if (result === "not-found") redirect(staffPageHref(slug));
    // A new page waiting for its time is cancelled from the page list, where it is shown.
    const row = await getScheduledPublish(db, schedule);
    const back = row?.new_page ? "/staff/content" : staffPageHref(slug);
    if (result === "too-late") redirect(`${back}?notice=schedule-too-late`);
    record({ event: "schedule-cancelled", object: { type: "page", id: `/${slug}` } });
    redirect(`${back}?notice=schedule-cancelled`);
  },
});
