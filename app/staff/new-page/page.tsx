import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageEditor } from "@/components/staff/editor/page-editor";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { pageClass } from "@/components/staff/styles";
import { requireStaff } from "@/lib/staff/auth";
import { getAuthorName } from "@/lib/staff/author";
import { editorStateFor } from "@/lib/staff/editor-form";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("New page");

export default async function NewPage() {
  const session = await requireStaff();
  if (!session) redirect("/staff");
  const initial = editorStateFor(undefined, "", await getAuthorName(session));
  initial.values.fields.lastReviewed = new Date().toISOString().slice(0, 10);
  initial.values.body =
    "Write the page here. A blank line starts a new paragraph.\n\n## A first section\n\nMore text.\n";
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">New page</h1>
      <div className="mt-6">
        <PageEditor initial={initial} />
      </div>
    </div>
  );
}
