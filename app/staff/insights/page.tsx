import type { Metadata } from "next";
import { InsightsView } from "@/components/staff/insights-view";
import { getDb } from "@/lib/db/client";
import { flushInsights } from "@/lib/insights/flush";
import { insightReport, parsePeriod } from "@/lib/insights/report";
import { timedJob } from "@/lib/log";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";

export const metadata: Metadata = staffMetadata("Insights");

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("/staff/insights");
  const db = await getDb();
  // This server's counts of the last minute too; a failure is logged and the stored counts shown.
  await timedJob("page counts", async () => flushInsights(db));
  const report = await insightReport(db, parsePeriod((await searchParams).days));
  return <InsightsView report={report} />;
}
