import { getDb } from "@/lib/db/client";
import { flushInsights } from "@/lib/insights/flush";
import { INSIGHT_CSV_HEADER, insightRows, parsePeriod } from "@/lib/insights/report";
import { timedJob } from "@/lib/log";
import { loggedRoute } from "@/lib/request-log";
import { auditDisclosure } from "@/lib/staff/audit";
import { csvResponse, toCsv } from "@/lib/staff/csv";
import { guardRoute } from "@/lib/staff/guard";
import { exportFailedPage } from "@/lib/staff/save-failure";

export const dynamic = "force-dynamic";

/* The counts of /staff/insights for one period, one row per day and page (or site); audited like every export. */
export const GET = loggedRoute("export.csv", async (request: Request): Promise<Response> => {
  const actor = await guardRoute("GET /staff/insights.csv", signedOut);
  if (actor instanceof Response) return actor;
  const days = parsePeriod(new URL(request.url).searchParams.get("days"));
  let rows: string[][];
  try {
    const db = await getDb();
    await timedJob("page counts", async () => flushInsights(db));
    rows = await insightRows(db, days);
    await auditDisclosure(
      "csv-exported",
      { type: "export", id: "insights" },
      { filter: `days=${days}`, rows: rows.length },
    );
  } catch (error) {
    return exportFailedPage(error, {
      href: `/staff/insights?days=${days}`,
      label: "Back to insights",
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(toCsv(INSIGHT_CSV_HEADER, rows), `insights-${days}-days-${day}.csv`);
});

const signedOut = () =>
  new Response("Sign in at /staff to export page counts.\n", {
    status: 401,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
