import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasskeySignIn } from "@/components/staff/two-step/passkey-sign-in";
import { AuthenticatorSection } from "@/components/staff/security/authenticator-section";
import { SecondStepForm } from "@/components/staff/two-step/second-step-form";
import { pageClass } from "@/components/ui/form-styles";
import { getClinic } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { endStaffSessionAction } from "@/lib/actions/two-step-sign-in";
import { getPendingSession } from "@/lib/staff/auth";
import { staffMetadata } from "@/lib/staff/metadata";
import { loadSecurity } from "@/lib/staff/security";
import { secondaryButtonClass } from "@/components/ui/form-styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Two-step sign-in");

/* After the right password: the second step it owes, or setting one up when none exists yet. */
export default async function TwoStepPage() {
  const session = await getPendingSession();
  // Signed in already, or not at all: /staff shows the inbox or the sign-in form.
  if (!session) redirect("/staff");
  const cancel = (
    <form action={endStaffSessionAction} className="mt-8">
      <button type="submit" className={secondaryButtonClass}>
        Cancel and sign out
      </button>
    </form>
  );
  if (session.stage === "enrol") {
    const clinic = await getClinic();
    const account = { accountId: session.accountId, ...session.account };
    const security = await loadSecurity(await getDb(), account, clinic.name);
    return (
      <div className={pageClass}>
        <h1 className="text-3xl font-semibold">Set up two-step sign-in</h1>
        <p className="mt-2">
          This clinic asks everyone to prove it is them with a second step after the password, so
          that a password alone never opens patients&apos; requests. Set up an authenticator app
          now; you can add a passkey afterwards under Sign-in security.
        </p>
        <AuthenticatorSection
          pending={security.pending}
          remainingCodes={security.remainingCodes}
          codeCount={security.codeCount}
        />
        {cancel}
      </div>
    );
  }
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">Two-step sign-in</h1>
      <p className="mt-2">Your password was right. Now show it is you, {session.account.name}.</p>
      <SecondStepForm />
      <div className="mt-8 max-w-sm space-y-2">
        <h2 className="text-xl font-semibold">Or use a passkey</h2>
        <PasskeySignIn label="Use a passkey" />
      </div>
      {cancel}
    </div>
  );
}
