import type { Metadata } from "next";
import { AuthenticatorSection } from "@/components/staff/security/authenticator-section";
import { PasskeyList } from "@/components/staff/security/passkey-list";
import { RequirementForm } from "@/components/staff/security/requirement-form";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { Notice } from "@/components/ui/notice";
import { pageClass } from "@/components/ui/form-styles";
import { getClinic } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/staff/format";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { can } from "@/lib/validations/permissions";
import { loadSecurity } from "@/lib/staff/security";
import { isSecurityNotice, SECURITY_NOTICES } from "@/lib/validations/two-step-messages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Sign-in security");

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  const actor = await requirePage("/staff/security");
  const clinic = await getClinic();
  const security = await loadSecurity(await getDb(), actor, clinic.name);
  const { notice } = await searchParams;
  const shown = isSecurityNotice(notice) ? SECURITY_NOTICES[notice] : undefined;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, clinic.timezone) : undefined);
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Sign-in security</h1>
      <p className="mt-2 text-ink-muted">
        How you, {actor.name}, prove it is you after your password, or instead of it.
      </p>
      {shown ? <Notice tone={shown.tone}>{shown.text}</Notice> : null}
      <AuthenticatorSection
        confirmedAt={when(security.totpConfirmedAt)}
        pending={security.pending}
        remainingCodes={security.remainingCodes}
        codeCount={security.codeCount}
      />
      <PasskeyList passkeys={security.passkeys} timeZone={clinic.timezone} />
      {can(actor.role, "security.policy") ? <RequirementForm required={security.required} /> : null}
    </div>
  );
}
