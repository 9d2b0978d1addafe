import { listAudit } from "@/lib/db/audit-log";
import { getDb } from "@/lib/db/client";
import { auditDisclosure } from "@/lib/staff/audit";
import { auditToCsv } from "@/lib/staff/audit-export";
import { auditHref, describeAuditFilter, parseAuditQuery } from "@/lib/staff/audit-query";
import { csvResponse } from "@/lib/staff/csv";
import { guardRoute } from "@/lib/staff/guard";
import { loggedRoute } from "@/lib/request-log";
import { exportFailedPage } from "@/lib/staff/save-failure";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

const refuse = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/* The audit log as CSV, with the filters of /staff/audit; the export is itself an entry. */
export const GET = loggedRoute("export.csv", async (request: Request): Promise<Response> => {
  const actor = await guardRoute("GET /staff/audit.csv", () =>
    refuse(401, "Sign in at /staff to export the audit log."),
  );
  if (actor instanceof Response) return actor;
  const timeZone = (await getClinic()).timezone;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { values, filter, errors } = parseAuditQuery(params, timeZone);
  // A filter that cannot be used would make the file hold more than was asked for.
  const wrong = Object.entries(errors).map(([field, problem]) => `${field}: ${problem}`);
  if (wrong.length > 0) return refuse(400, `Nothing exported. ${wrong.join(". ")}.`);
  let csv: string;
  try {
    const { entries } = await listAudit(await getDb(), filter, { limit: null });
    csv = auditToCsv(entries, timeZone);
    await auditDisclosure(
      "csv-exported",
      { type: "export", id: "audit-log" },
      { filter: describeAuditFilter(values), rows: entries.length },
    );
  } catch (error) {
    return exportFailedPage(error, {
      href: auditHref("/staff/audit", values),
      label: "Back to the audit log",
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `audit-log-${day}.csv`);
});
