import Link from "next/link";
import { staffSignOutAction } from "@/lib/actions/staff";
import { getStaffActor } from "@/lib/staff/actor";
import { can, type Permission } from "@/lib/staff/permissions";
import { secondaryButtonClass } from "@/components/ui/form-styles";

// A link with a permission is shown only to roles that have it (the page refuses the rest anyway).
const LINKS: { href: string; label: string; permission?: Permission }[] = [
  { href: "/staff", label: "Inbox" },
  { href: "/staff/content", label: "Pages" },
  { href: "/staff/clinic", label: "Clinic details" },
  { href: "/staff/images", label: "Images" },
  { href: "/staff/audit", label: "Audit log", permission: "audit.read" },
  { href: "/staff/security", label: "Sign-in security" },
];

export async function StaffToolbar() {
  const actor = await getStaffActor();
  const links = LINKS.filter(
    ({ permission }) => !permission || (actor !== null && can(actor.role, permission)),
  );
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
    </div>
  );
}
