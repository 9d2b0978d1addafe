import Link from "next/link";
import { staffSignOutAction } from "@/lib/actions/staff";
import { getStaffActor } from "@/lib/staff/actor";
import { toolbarLinks } from "@/lib/staff/endpoints";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { getEnv } from "@/lib/env";
import { IdleNotice } from "./sign-in/idle-notice";

/*
 * Only the pages this person's role may open (the catalogue in
 * lib/staff/endpoints.ts decides, as it does for the pages themselves).
 */
export async function StaffToolbar() {
  const actor = await getStaffActor();
  const links = actor ? toolbarLinks(actor.role) : [];
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-4">
      <nav aria-label="Staff">
        <ul className="flex flex-wrap gap-x-6">
          {links.map(({ href, label }) => (
            <li key={href}>
              <Link href={href} className="inline-flex min-h-11 items-center font-semibold">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action={staffSignOutAction}>
        <button type="submit" className={secondaryButtonClass}>
          Sign out
        </button>
      </form>
      <IdleNotice idleMinutes={getEnv().STAFF_IDLE_MINUTES} />
    </div>
  );
}
