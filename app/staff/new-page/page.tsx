import type { Metadata } from "next";
import { getDb } from "@/lib/db/client";
import { DraftOffer } from "@/components/staff/edit-forms/draft-offer";
import { PageEditor } from "@/components/staff/edit-forms/page-editor";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { pageClass } from "@/components/ui/form-styles";
import { requirePage } from "@/lib/staff/guard";
import { editorImageError } from "@/lib/staff/editor-image";
import { openEditor } from "@/lib/staff/open-editor";
import { scheduleDefaults } from "@/lib/staff/schedule-form";
import { visualEditorContext } from "@/lib/staff/visual-editor-context";
import { staffMetadata } from "@/lib/staff/metadata";
import { getSite } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("New page");

const STARTER =
  "Write the page here. A blank line starts a new paragraph.\n\n## A first section\n\nMore text.\n";

export default async function NewPage({
  searchParams,
}: {
  searchParams: Promise<{ draft?: string; "image-error"?: string }>;
}) {
  const actor = await requirePage("/staff/new-page");
  const { draft, "image-error": imageError } = await searchParams;
  const site = await getSite();
  const { initial, preview, offer } = await openEditor({
    actor,
    page: undefined,
    slug: "",
    resume: draft === "continue",
    site,
  });
  if (initial.values.body === "") {
    initial.values.fields.lastReviewed = new Date().toISOString().slice(0, 10);
    initial.values.body = STARTER;
  }
  return (
    // Wider than other staff pages: the editor and its preview stand side by side.
    <div className={`${pageClass} lg:max-w-7xl`}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">New page</h1>
      <div className="mt-6">
        {offer ? (
          <DraftOffer offer={offer} page={initial.values} timeZone={site.clinic.timezone} />
        ) : (
          <PageEditor
            key={initial.values.draftVersion}
            initial={initial}
            serverPreview={preview}
            visual={await visualEditorContext(site, await getDb())}
            imageError={editorImageError(imageError)}
            schedule={{
              defaults: scheduleDefaults(new Date(), site.clinic.timezone),
              timeZone: site.clinic.timezone,
              newPage: true,
            }}
          />
        )}
      </div>
    </div>
  );
}
