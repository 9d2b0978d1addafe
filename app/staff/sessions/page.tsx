import type { Metadata } from "next";
import { SessionList } from "@/components/staff/accounts/session-list";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { Notice } from "@/components/ui/notice";
import { pageClass } from "@/components/ui/form-styles";
import { getClinic } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { listSessions } from "@/lib/db/staff-sessions";
import { getEnv } from "@/lib/env";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { isSessionNotice, SESSION_NOTICES } from "@/lib/validations/staff-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Your sessions");

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("/staff/sessions");
  const db = await getDb();
  const clinic = await getClinic();
  const sessions = await listSessions(db, {
    accountId: actor.accountId,
    now: new Date(),
    idleMinutes: getEnv().STAFF_IDLE_MINUTES,
  });
  const { notice } = await searchParams;
  const shown = isSessionNotice(notice) ? SESSION_NOTICES[notice] : undefined;
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Your sessions</h1>
      <p className="mt-2 text-ink-muted">
        Where you, {actor.name}, are signed in now. End any you do not recognise, or that you left
        open on a shared computer.
      </p>
      {shown ? <Notice tone={shown.tone}>{shown.text}</Notice> : null}
      <SessionList sessions={sessions} currentId={actor.sessionId} timeZone={clinic.timezone} />
    </div>
  );
}
