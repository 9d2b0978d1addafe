import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { homeOf, permissionsInWords } from "@/lib/staff/endpoints";
import { refusedInThisRequest } from "@/lib/staff/guard";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/validations/permissions";

export const metadata: Metadata = { title: "Not part of your role", robots: { index: false } };

/*
 * The 403 answer of every staff page and action a role may not use
 * (lib/staff/guard.ts calls forbidden()): what this role cannot do, what it
 * can, and whom to ask, so a receptionist who followed an old link is not
 * left guessing. It names no request, page or person the role may not see.
 *
 * It reads no cookie or header: Next.js renders this boundary into every
 * page's tree, and a request-time read here would make every public page
 * dynamic. The guard hands over what was refused through React's
 * per-request cache instead (empty after a server action, hence the
 * general wording then).
 */
export default function Forbidden() {
  const { role, missing } = refusedInThisRequest();
  return (
    <StatusPage
      title="This is not part of your role"
      action={
        <Link
          href={role ? homeOf(role) : "/staff"}
          className={`${secondaryButtonClass} no-underline`}
        >
          Back to your staff pages
        </Link>
      }
    >
      {missing.length > 0 && <p>It needs the permission {permissionsInWords(missing)}.</p>}
      {role ? (
        <p>
          Your role is {ROLE_LABELS[role]}, which allows: {ROLE_DESCRIPTIONS[role]}
        </p>
      ) : (
        <p>Your staff role does not allow this.</p>
      )}
      <p>If your work needs it, ask the clinic&apos;s owner to change your role.</p>
    </StatusPage>
  );
}
