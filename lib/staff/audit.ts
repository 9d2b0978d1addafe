import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientHash } from "@/lib/client-hash";
import { recordAudit, type AuditActor } from "@/lib/db/audit-log";
import { getDb } from "@/lib/db/client";
import { getStaffActor } from "./actor";
import type { AuditDetail, AuditEvent, AuditObject } from "./audit-events";
import { errorLine, logEvent } from "@/lib/log";

/*
 * How staff pages, routes and actions write the audit log: the person is the
 * signed-in actor (lib/staff/actor.ts) and the client is the keyed hash of its
 * address, both taken from the current request, so no caller can name someone
 * else. Code that runs outside a request (the staff:invite command) calls
 * recordAudit in lib/db/audit-log.ts itself.
 *
 * When the entry cannot be written, two rules, by what is at stake:
 * - audit(): after a change (a status, a publish, a sign-in). The change has
 *   already happened and the person's work must not be lost or reported as
 *   failed, so the failure is logged loudly (the log line names the event and
 *   object, never the detail) and the action stands.
 * - auditDisclosure(): before showing or handing over a patient's request
 *   (request viewed, CSV exported). Nothing typed can be lost by refusing a
 *   read, while showing health information nobody can later account for is
 *   exactly what HIPAA 164.312(b) audit controls forbid; so the entry is
 *   written first and, if it cannot be, the caller refuses to show the data
 *   (AuditUnavailableError) and asks the person to try again.
 */
export interface AuditOptions {
  /** For sign-in events, where the session is not (or no longer) in the request's cookie. */
  actor?: AuditActor | null;
}

export class AuditUnavailableError extends Error {
  constructor(event: AuditEvent, cause: unknown) {
    super(`The audit log could not record "${event}"`, { cause });
    this.name = "AuditUnavailableError";
  }
}

async function write(
  event: AuditEvent,
  object: AuditObject | undefined,
  detail: AuditDetail | undefined,
  options: AuditOptions,
): Promise<void> {
  const actor = options.actor !== undefined ? options.actor : await getStaffActor();
  await recordAudit(await getDb(), {
    at: new Date(),
    actor: actor && { accountId: actor.accountId, name: actor.name },
    event,
    object,
    detail,
    clientHash: clientHash(await headers()),
  });
}

function logFailure(event: AuditEvent, object: AuditObject | undefined, error: unknown): void {
  logEvent("audit.failed", {
    action: event,
    subject: object && `${object.type} ${object.id}`,
    error: errorLine(error),
  });
}

/** Records an event the person has caused. Never throws: false when the entry was not written. */
export async function audit(
  event: AuditEvent,
  object?: AuditObject,
  detail?: AuditDetail,
  options: AuditOptions = {},
): Promise<boolean> {
  try {
    await write(event, object, detail, options);
    return true;
  } catch (error) {
    unstable_rethrow(error);
    logFailure(event, object, error);
    return false;
  }
}

/** Records a disclosure before it happens; throws AuditUnavailableError when it cannot. */
export async function auditDisclosure(
  event: AuditEvent,
  object?: AuditObject,
  detail?: AuditDetail,
): Promise<void> {
  try {
    await write(event, object, detail, {});
  } catch (error) {
    unstable_rethrow(error);
    logFailure(event, object, error);
    throw new AuditUnavailableError(event, error);
  }
}

/** What the person reads when a disclosure was refused for want of an audit entry. */
export const AUDIT_UNAVAILABLE_TEXT =
  "The site cannot record who opened it just now, so it is not shown. Try again in a few minutes; if it keeps happening, tell whoever looks after the site.";
