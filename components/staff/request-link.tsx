import Link from "next/link";
import type { StaffRequest } from "@/lib/db/staff-requests";
import { UrgentBadge } from "./urgent-badge";

/** A request's reference, linking to its page, and whether it is urgent: how a list names a request. */
export function RequestLink({ request }: { request: Pick<StaffRequest, "reference" | "urgent"> }) {
  return (
    <>
      <Link
        href={`/staff/requests/${request.reference}`}
        className="inline-flex min-h-6 items-center font-semibold"
      >
        {request.reference}
      </Link>
      {request.urgent ? <UrgentBadge /> : null}
    </>
  );
}
