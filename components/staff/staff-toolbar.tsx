import Link from "next/link";
import { staffSignOutAction } from "@/lib/actions/staff";
import { secondaryButtonClass } from "@/components/ui/form-styles";

const LINKS = [
  { href: "/staff", label: "Inbox" },
  { href: "/staff/content", label: "Pages" },
  { href: "/staff/clinic", label: "Clinic details" },
  { href: "/staff/images", label: "Images" },
];

export function StaffToolbar() {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-4">
      <nav aria-label="Staff">
        <ul className="flex flex-wrap gap-x-6">
          {LINKS.map(({ href, label }) => (
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
