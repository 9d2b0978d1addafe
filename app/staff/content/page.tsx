import type { Metadata } from "next";
import { ContentList } from "@/components/staff/content-list";
import { renderFailure } from "@/lib/content/site/rendered-entries";
import { loadSite } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Pages");

export default async function StaffContentPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  await requirePage("/staff/content");
  // Drafts included: staff see every page, whatever visitors see.
  const site = await loadSite(await getDb(), { includeDrafts: true });
  const shown = site.pages.filter((page) => page.source !== undefined || page.file);
  const rows = await Promise.all(
    shown
      .filter((page) => !page.addressProblem)
      .map(async (page) => {
        const entry = site.entries.find((e) => e.slug === page.slug);
        return { page, entry, failure: entry && (await renderFailure(site, entry.source)) };
      }),
  );
  const unusable = shown.filter((page) => page.addressProblem);
  const { notice } = await searchParams;
  return <ContentList rows={rows} unusable={unusable} now={new Date()} notice={notice} />;
}
