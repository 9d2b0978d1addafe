import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RequestNotShown, RequestView } from "@/components/staff/request-view";
import { getDb } from "@/lib/db/client";
import { getRequestByReference } from "@/lib/db/staff-requests";
import { allows } from "@/lib/staff/endpoints";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { openRequestRecorded } from "@/lib/staff/request-audit";
import { referenceSchema, requestQuerySchema } from "@/lib/staff/schemas";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// The title repeats only the reference from the URL: nothing is looked up for it.
export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const reference = referenceSchema.safeParse((await params).reference);
  return staffMetadata(reference.success ? `Request ${reference.data}` : "Request");
}

export default async function StaffRequestPage({ params, searchParams }: Props) {
  // Outsiders go to sign-in before anything is looked up, so they learn nothing about references.
  const actor = await requirePage("/staff/requests/[reference]");
  const reference = referenceSchema.safeParse((await params).reference);
  if (!reference.success) notFound();
  const request = await getRequestByReference(await getDb(), reference.data);
  if (!request) notFound();

  const timeZone = (await getClinic()).timezone;
  // Recorded before anything of the request is shown; unrecorded, it is not shown.
  const trail = await openRequestRecorded(request.reference, timeZone);
  if (!trail) return <RequestNotShown reference={request.reference} />;
  const { notice } = requestQuerySchema.parse(await searchParams);
  return (
    <RequestView
      request={request}
      notice={notice}
      timeZone={timeZone}
      trail={trail}
      mayDelete={allows(actor.role, "deleteRequestAction")}
    />
  );
}
