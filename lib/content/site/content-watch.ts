import "server-only";
import type { Kysely } from "kysely";
import { revisionStamp } from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import { errorLine, logEvent } from "@/lib/log";
import { CHECK_EVERY_MS } from "./site";

/*
 * Several servers on one PostgreSQL database each keep their pages in a page
 * cache of their own. A publish revalidates the pages of the server it
 * happens on (lib/staff/publish-steps.ts); without this, every other server
 * would go on serving its copy until the page's revalidate time (60 s) had
 * passed and a visitor asked again, so a change could take over a minute.
 * Instead each server reads the newest revision ids every few seconds, and
 * when they change it tells its page cache (lib/security/csp-cache-handler.cjs,
 * under the same symbol) that every page stored before now is out of date.
 * The cost: one small query every WATCH_EVERY_MS per server, and after a
 * publish each page's next visit renders it (about what revalidation costs);
 * between publishes pages stay static. On one server the watch also runs and
 * only repeats what the publish already did.
 */
export const WATCH_EVERY_MS = 5_000;
const CONTENT_CHANGED_AT = Symbol.for("clinic-site.content-changed-at");
const LAST_STAMP = Symbol.for("clinic-site.content-stamp");
const started = Symbol.for("clinic-site.content-watch");
type Holder = { [CONTENT_CHANGED_AT]?: number; [LAST_STAMP]?: string; [started]?: boolean };
const holder = globalThis as Holder;

/**
 * Reads the revision stamp; when it differs from the one read before, pages
 * cached until now are out of date. Answers whether it changed.
 */
export async function checkContentStamp(db: Kysely<Database>): Promise<boolean> {
  const stamp = await revisionStamp(db);
  const changed = holder[LAST_STAMP] !== undefined && stamp !== holder[LAST_STAMP];
  holder[LAST_STAMP] = stamp;
  // After the read, and a little beyond: getSite() (site.ts) may go on using the content it
  // loaded up to CHECK_EVERY_MS ago, so a page rendered in that time may still be the old one.
  if (changed) markContentChanged();
  return changed;
}

/**
 * Every page cached until now is out of date: for a publish made on this
 * server outside a request (a scheduled one), where revalidatePath cannot run.
 */
export function markContentChanged(): void {
  holder[CONTENT_CHANGED_AT] = Date.now() + CHECK_EVERY_MS;
}

/** From start-up: checks every WATCH_EVERY_MS, never keeping the process alive. */
export function startContentWatch(db: Kysely<Database>): void {
  if (holder[started]) return;
  holder[started] = true;
  let failing = false;
  const check = () =>
    checkContentStamp(db).then(
      (changed) => {
        failing = false;
        // Only a change is worth a line: the check runs every few seconds.
        if (changed) logEvent("job.run", { job: "content watch", counts: { changed: 1 } });
      },
      (error: Error) => {
        // Once per outage, not every few seconds.
        if (!failing) logEvent("job.failed", { job: "content watch", error: errorLine(error) });
        failing = true;
      },
    );
  void check();
  setInterval(() => void check(), WATCH_EVERY_MS).unref();
}
