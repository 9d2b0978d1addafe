import Link from "next/link";
import type { StaffRequest } from "@/lib/db/staff-requests";
import { urgencyOf } from "@/lib/staff/format";
import { UrgentBadge } from "./urgent-badge";

/** A request's reference, linking to its page, and whether it is urgent: how a list names a request. */
export function RequestLink({
  request,
}: {
  request: Pick<StaffRequest, "reference" | "urgent" | "red_flag_level">;
}) {
  const level = urgencyOf(request);
  return (
    <>
      <Link
        href={`/staff/requests/${request.reference}`}
        className="inline-flex min-h-6 items-center font-semibold"
      >
        {request.reference}
      </Link>
      {level ? <UrgentBadge level={level} /> : null}
    </>
  );
}
