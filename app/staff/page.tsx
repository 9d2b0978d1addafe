import type { Metadata } from "next";
import { Inbox } from "@/components/staff/inbox";
import { SignInForm } from "@/components/staff/sign-in/sign-in-form";
import { NoStaffAccounts } from "@/components/staff/no-staff-accounts";
import { getDb } from "@/lib/db/client";
import { countNewRequests, INBOX_LIMIT, listRequests } from "@/lib/db/staff-requests";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import { getStaffActor } from "@/lib/staff/actor";
import { hasStaffAccounts } from "@/lib/staff/auth";
import { allows, homeOf } from "@/lib/staff/endpoints";
import { staffMetadata } from "@/lib/staff/metadata";
import { inboxQuerySchema } from "@/lib/staff/schemas";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  if (!(await hasStaffAccounts())) return staffMetadata("No staff account yet");
  return staffMetadata((await getStaffActor()) ? "Staff inbox" : "Staff sign-in");
}

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = inboxQuerySchema.parse(await searchParams);
  const actor = await getStaffActor();
  if (!actor) {
    if (!(await hasStaffAccounts())) return <NoStaffAccounts />;
    return <SignInForm canResetByEmail={Boolean(getEnv().SMTP_URL)} />;
  }
  // Every sign-in lands here; a role that may not read requests goes on to its own first page.
  if (!allows(actor.role, "/staff")) redirect(homeOf(actor.role));

  const db = await getDb();
  const [requests, newCount] = await Promise.all([
    listRequests(db, { status: query.status }),
    countNewRequests(db),
  ]);
  return (
    <Inbox
      requests={requests}
      newCount={newCount}
      status={query.status}
      deleted={query.deleted}
      timeZone={(await getClinic()).timezone}
      limit={INBOX_LIMIT}
      mayExport={allows(actor.role, "GET /staff/requests.csv")}
    />
  );
}
