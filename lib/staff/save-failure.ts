import "server-only";
import { unstable_rethrow } from "next/navigation";
import { describeDbError } from "@/lib/db/write-transaction";
import { errorLine, logEvent } from "@/lib/log";
import { AuditUnavailableError } from "@/lib/staff/audit";

/*
 * A staff save that failed for a reason on the server's side (the data
 * folder turned read-only, a full disk, the database unreachable) is answered
 * with what happened, in words, on the page the person was on, with what they
 * typed still in the form: never a bare 500. The technical line goes to the
 * log. Next.js's own redirects pass through untouched.
 */
const CAUSES: [RegExp, string][] = [
  [
    /READONLY|read-only|EROFS|EACCES|EPERM|25006/i,
    "the site cannot write to its database just now",
  ],
  [/FULL|ENOSPC|53100/i, "the server's disk is full"],
  [/BUSY|LOCKED|55P03|40P01/i, "the database was busy"],
  [/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|57P0|08\d\d\d|connection/i, "the database cannot be reached"],
];

/** In words staff understand: what went wrong on the server, never the internals. */
export function failureCause(error: unknown): string {
  const line = describeDbError(error);
  return CAUSES.find(([pattern]) => pattern.test(line))?.[1] ?? "the server could not save it";
}

/**
 * The message for a failed save, after logging it. `what` starts the
 * sentence ("Not published"); `kept` says where the typing is.
 */
export function saveFailed(
  error: unknown,
  what: string,
  kept = "Your text is kept below.",
): string {
  unstable_rethrow(error);
  logEvent("db.failed", { action: what, error: errorLine(error) });
  return `${what}: ${failureCause(error)}. ${kept} Try again in a few minutes; if it keeps happening, tell whoever looks after the site.`;
}

/**
 * For a staff route (a download, an upload) that failed: a small page that
 * says what happened and leads back, with 503 so nothing caches it.
 */
export function failurePage(
  error: unknown,
  { what, back }: { what: string; back: { href: string; label: string } },
): Response {
  unstable_rethrow(error);
  logEvent("db.failed", { action: what, error: errorLine(error) });
  const message = `${what}: ${failureCause(error)}. Try again in a few minutes; if it keeps happening, tell whoever looks after the site.`;
  const escape = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
    );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(what)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escape(what)}</h1><p role="alert">${escape(message)}</p><p><a href="${escape(back.href)}">${escape(back.label)}</a></p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": "60",
    },
  });
}

/**
 * For a CSV export that failed: one that could not be recorded in the audit
 * log was not made (lib/staff/audit.ts), and says so.
 */
export function exportFailedPage(error: unknown, back: { href: string; label: string }): Response {
  const audited = error instanceof AuditUnavailableError;
  return failurePage(audited ? error.cause : error, {
    what: audited
      ? "The export was not made, as it could not be recorded in the audit log"
      : "The export could not be made",
    back,
  });
}
