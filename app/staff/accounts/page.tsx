import type { Metadata } from "next";
import { AccountList } from "@/components/staff/accounts/account-list";
import { InviteForm } from "@/components/staff/accounts/invite-form";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { Notice } from "@/components/ui/notice";
import { pageClass } from "@/components/ui/form-styles";
import { getClinic } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/staff-accounts";
import { listSessions } from "@/lib/db/staff-sessions";
import { getEnv } from "@/lib/env";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { ACCOUNT_NOTICES, isAccountNotice } from "@/lib/validations/staff-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Staff accounts");

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string; account?: string }>;
}) {
  const actor = await requirePage("/staff/accounts");
  const db = await getDb();
  const clinic = await getClinic();
  const now = new Date();
  const [accounts, sessions] = await Promise.all([
    listAccounts(db),
    listSessions(db, { now, idleMinutes: getEnv().STAFF_IDLE_MINUTES }),
  ]);
  const openSessions = new Map<string, number>();
  for (const session of sessions) {
    openSessions.set(session.accountId, (openSessions.get(session.accountId) ?? 0) + 1);
  }
  const { notice, account } = await searchParams;
  const shown = isAccountNotice(notice) ? ACCOUNT_NOTICES[notice] : undefined;
  const about = accounts.find((a) => a.id === account);
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Staff accounts</h1>
      <p className="mt-2 text-ink-muted">
        Everyone who works on the site signs in as themselves. Invite people, choose their role, and
        lock out someone who leaves with one click on Disable.
      </p>
      {shown ? (
        <Notice tone={shown.tone}>
          {about ? (
            <>
              <bdi>{about.name || about.email}</bdi>:{" "}
            </>
          ) : null}
          {shown.text}
        </Notice>
      ) : null}
      <InviteForm />
      <AccountList
        accounts={accounts}
        openSessions={openSessions}
        selfId={actor.accountId}
        timeZone={clinic.timezone}
      />
    </div>
  );
}
