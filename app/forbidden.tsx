import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { getStaffActor } from "@/lib/staff/actor";
import { homeOf, permissionsInWords } from "@/lib/staff/endpoints";
import { refusedInThisRequest } from "@/lib/staff/guard";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/staff/permissions";

export const metadata: Metadata = { title: "Not part of your role", robots: { index: false } };

/*
 * The 403 answer of every staff page and action a role may not use
 * (lib/staff/guard.ts calls forbidden()): what this role cannot do, what it
 * can, and whom to ask, so a receptionist who followed an old link is not
 * left guessing. It names no request, page or person the role may not see.
 */
export default async function Forbidden() {
  const actor = await getStaffActor();
  const { missing } = refusedInThisRequest();
  return (
    <StatusPage
      title="This is not part of your role"
      action={
        actor && (
          <Link href={homeOf(actor.role)} className={`${secondaryButtonClass} no-underline`}>
            Back to your staff pages
          </Link>
        )
      }
    >
      {missing.length > 0 && <p>It needs the permission {permissionsInWords(missing)}.</p>}
      {actor ? (
        <p>
          You are signed in as {actor.name} ({ROLE_LABELS[actor.role]}). That role allows:{" "}
          {ROLE_DESCRIPTIONS[actor.role]}
        </p>
      ) : (
        <p>Your staff role does not allow this.</p>
      )}
      <p>If your work needs it, ask the clinic&apos;s owner to change your role.</p>
    </StatusPage>
  );
}
