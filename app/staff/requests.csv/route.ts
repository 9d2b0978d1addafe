import { getDb } from "@/lib/db/client";
import { listRequests } from "@/lib/db/staff-requests";
import { auditDisclosure } from "@/lib/staff/audit";
import { csvResponse } from "@/lib/staff/csv";
import { guardRoute } from "@/lib/staff/guard";
import { loggedRoute } from "@/lib/request-log";
import { requestsToCsv } from "@/lib/staff/export";
import { exportFailedPage } from "@/lib/staff/save-failure";
import { statusSchema } from "@/lib/staff/schemas";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

export const GET = loggedRoute("export.csv", async (request: Request): Promise<Response> => {
  const actor = await guardRoute("GET /staff/requests.csv", signedOut);
  if (actor instanceof Response) return actor;
  const status = statusSchema
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("status") ?? undefined);
  let csv: string;
  try {
    const requests = await listRequests(await getDb(), { status, limit: null });
    csv = requestsToCsv(requests, (await getClinic()).timezone);
    // Recorded before the file leaves; unrecorded, it does not leave (lib/staff/audit.ts).
    await auditDisclosure(
      "csv-exported",
      { type: "export", id: "requests" },
      { filter: status ? `status=${status}` : "all", rows: requests.length },
    );
  } catch (error) {
    return exportFailedPage(error, { href: "/staff", label: "Back to the requests" });
  }
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `requests-${status ?? "all"}-${day}.csv`);
});

const signedOut = () =>
  new Response("Sign in at /staff to export requests.\n", {
    status: 401,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
