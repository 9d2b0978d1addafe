import type { Metadata } from "next";
import { ContentList } from "@/components/staff/content-list";
import { renderFailure } from "@/lib/content/site/rendered-entries";
import { loadSite } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { latestSchedules } from "@/lib/db/scheduled-publishes";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { scheduleStatus } from "@/lib/staff/schedule-status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Pages");

export default async function StaffContentPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  await requirePage("/staff/content");
  // Drafts included: staff see every page, whatever visitors see.
  const db = await getDb();
  const site = await loadSite(db, { includeDrafts: true });
  const schedules = new Map((await latestSchedules(db)).map((row) => [row.slug, row]));
  const shown = site.pages.filter((page) => page.source !== undefined || page.file);
  const rows = await Promise.all(
    shown
      .filter((page) => !page.addressProblem)
      .map(async (page) => {
        const entry = site.entries.find((e) => e.slug === page.slug);
        const schedule = scheduleStatus(schedules.get(page.slug), {
          timeZone: site.clinic.timezone,
          latestRevisionAt: page.revision?.created_at,
        });
        return {
          page,
          entry,
          failure: entry && (await renderFailure(site, entry.source)),
          schedule,
        };
      }),
  );
  // New pages scheduled for later: not pages yet, so in no row above.
  const waiting = [...schedules.values()].flatMap((row) => {
    if (!row.new_page || site.pages.some((p) => p.slug === row.slug && p.source !== undefined))
      return [];
    const status = scheduleStatus(row, { timeZone: site.clinic.timezone });
    return status?.kind === "pending" ? [status] : [];
  });
  const unusable = shown.filter((page) => page.addressProblem);
  const { notice } = await searchParams;
  return (
    <ContentList
      rows={rows}
      waiting={waiting}
      unusable={unusable}
      now={new Date()}
      notice={notice}
    />
  );
}
