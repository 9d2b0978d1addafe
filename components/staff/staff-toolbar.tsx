import Link from "next/link";
import { staffSignOutAction } from "@/lib/actions/staff";
import { secondaryButtonClass } from "./styles";

export function StaffToolbar() {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-line pb-4">
      <nav aria-label="Staff">
        <Link href="/staff" className="inline-flex min-h-11 items-center font-semibold">
          Inbox
        </Link>
      </nav>
      <form action={staffSignOutAction}>
        <button type="submit" className={secondaryButtonClass}>
          Sign out
        </button>
      </form>
    </div>
  );
}
