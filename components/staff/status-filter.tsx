import Link from "next/link";
import { REQUEST_STATUSES, type RequestStatus } from "@/lib/db/types";
import { statusLabel } from "@/lib/staff/format";

const FILTERS = [undefined, ...REQUEST_STATUSES] as const;

export function StatusFilter({ current }: { current?: RequestStatus }) {
  return (
    <nav aria-label="Filter requests by status" className="my-4">
      <ul className="flex flex-wrap gap-2">
        {FILTERS.map((status) => {
          const active = status === current;
          return (
            <li key={status ?? "all"}>
              <Link
                href={status ? `/staff?status=${status}` : "/staff"}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 ${
                  active
                    ? "border-brand bg-brand text-on-brand no-underline"
                    : "border-line bg-surface-raised"
                }`}
              >
                {status ? statusLabel(status) : "All"}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
