import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHistory } from "@/components/staff/editor/page-history";
import { loadSite, revisionSource } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { pageHistory } from "@/lib/db/content-revisions";
import { historyRows } from "@/lib/staff/page-history";
import { requirePage } from "@/lib/staff/guard";
import { pageParamSchema } from "@/lib/staff/content-params";
import { staffMetadata } from "@/lib/staff/metadata";
import { z } from "zod";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Page history");

const querySchema = z.object({
  rev: z.coerce.number().int().positive().optional().catch(undefined),
  notice: z.enum(["stale", "save-failed"]).optional().catch(undefined),
});

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("/staff/content/[slug]/history");
  const slug = pageParamSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const db = await getDb();
  const site = await loadSite(db, { includeDrafts: true });
  const page = site.pages.find((p) => p.slug === slug.data);
  if (!page) notFound();
  const revisions = await pageHistory(db, page.slug);
  const query = querySchema.parse(await searchParams);
  const opened = revisions.find((r) => r.id === query.rev && r.action === "publish");
  const title = site.entries.find((e) => e.slug === page.slug)?.frontmatter.title ?? page.href;
  return (
    <PageHistory
      page={page}
      title={title}
      rows={historyRows(page, revisions)}
      timeZone={site.clinic.timezone}
      opened={opened && { revision: opened, source: revisionSource(opened) }}
      notice={query.notice}
    />
  );
}
