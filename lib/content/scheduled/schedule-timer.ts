import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import { markContentChanged } from "@/lib/content/site/content-watch";
import { forgetContent, getSite } from "@/lib/content/site/site";
import type { Database } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { timedJob } from "@/lib/log";
import { runDueSchedules } from "./run-schedules";

/*
 * Every server looks for due scheduled publishes every
 * SCHEDULE_CHECK_SECONDS (20 by default, so a publish happens well within a
 * minute of its time) and once at start-up, so one that fell due while no
 * server ran happens as soon as one starts. The timer is unref'd: it never
 * keeps a process alive. Looks never overlap on one server.
 *
 * A publish made here is outside any request, where revalidatePath cannot
 * run. Its pages go out of date the way another server's publish makes them
 * (content-watch.ts): every cached page older than now is marked stale, and
 * the loaded content is forgotten.
 * Other servers see it through their own watch within seconds.
 */
const started = Symbol.for("clinic-site.scheduled-publishes");

/** Names this process in the rows it claims: host, process and a random part. */
export const SERVER_ID = `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;

export function startScheduledPublishes(db: Kysely<Database>): void {
  const holder = globalThis as { [started]?: boolean };
  if (holder[started]) return;
  holder[started] = true;
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      await timedJob("scheduled publishes", async () => {
        const counts = await runDueSchedules(db, { server: SERVER_ID, site: getSite });
        if (counts.published > 0) {
          forgetContent();
          markContentChanged();
        }
        return counts;
      });
    } finally {
      running = false;
    }
  };
  void look();
  setInterval(() => void look(), getEnv().SCHEDULE_CHECK_SECONDS * 1000).unref();
}
