import "server-only";
import type { RequestAuditTrailProps } from "@/components/staff/request-audit-trail";
import { listAudit } from "@/lib/db/audit-log";
import { getDb } from "@/lib/db/client";
import { getStaffActor } from "./actor";
import { auditDisclosure, AuditUnavailableError } from "./audit";
import { auditHref } from "./audit-query";
import { can } from "@/lib/validations/permissions";

const TRAIL_LIMIT = 50;

/**
 * Records that the signed-in person is opening this request, then reads who
 * opened and changed it (this opening included). Null when the opening could
 * not be recorded: the page then does not show the request (see lib/staff/audit.ts).
 */
export async function openRequestRecorded(
  reference: string,
  timeZone: string,
): Promise<RequestAuditTrailProps | null> {
  const object = { type: "request", id: reference } as const;
  try {
    await auditDisclosure("request-viewed", object);
  } catch (error) {
    if (error instanceof AuditUnavailableError) return null;
    throw error;
  }
  const [{ entries, more }, actor] = await Promise.all([
    listAudit(await getDb(), { object }, { limit: TRAIL_LIMIT }),
    getStaffActor(),
  ]);
  const values = { person: "", event: "", from: "", to: "", request: reference };
  return {
    reference,
    entries,
    more,
    timeZone,
    auditHref:
      actor && can(actor.role, "audit.read") ? auditHref("/staff/audit", values) : undefined,
  };
}
