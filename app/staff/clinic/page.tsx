import type { Metadata } from "next";
import { ClinicEditor } from "@/components/staff/edit-forms/clinic-editor";
import { Notice } from "@/components/ui/notice";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { pageClass } from "@/components/ui/form-styles";
import { loadSite } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { requirePage } from "@/lib/staff/guard";
import { clinicToValues } from "@/lib/validations/clinic-form";
import { formatDateTime } from "@/lib/staff/format";
import { combinedClinicNotice } from "@/lib/staff/clinic-merge";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Clinic details");

export default async function ClinicPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  await requirePage("/staff/clinic");
  const db = await getDb();
  const site = await loadSite(db);
  const { notice } = await searchParams;
  const combined =
    notice === "combined"
      ? await combinedClinicNotice(db, site.clinicRevision, site.clinic.timezone)
      : undefined;
  const initial = {
    values: {
      ...clinicToValues(site.clinic),
      note: "",
      parentId: site.clinicRevision?.id ?? 0,
      baseHash: site.clinicFile.hash,
    },
    errors: {},
    answer: 0,
  };
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Clinic details</h1>
      <p className="mt-2 text-ink-muted">
        Shown in the footer, on every page that uses them, to search engines and in the clinic
        emails.
      </p>
      {site.clinicRevision && (
        <p className="mt-2 text-sm text-ink-muted">
          Last published{" "}
          <time dateTime={site.clinicRevision.created_at}>
            {formatDateTime(site.clinicRevision.created_at, site.clinic.timezone)}
          </time>{" "}
          by <bdi>{site.clinicRevision.author}</bdi>.
        </p>
      )}
      {(notice === "published" || (notice === "combined" && !combined)) && (
        <Notice tone="success">Published. Every page shows the new details now.</Notice>
      )}
      {combined && <Notice tone="success">{combined}</Notice>}
      {site.clinicConflict && (
        <Notice tone="error">
          content/clinic.yaml changed after these details were last published here. The site shows
          the details below; publish them to confirm, or run npm run content:export to bring them
          into the file.
        </Notice>
      )}
      <div className="mt-6">
        <ClinicEditor initial={initial} />
      </div>
    </div>
  );
}
