import { getDb } from "@/lib/db/client";
import { listRequests } from "@/lib/db/staff-requests";
import { getStaffSession } from "@/lib/staff/auth";
import { requestsToCsv } from "@/lib/staff/export";
import { failurePage } from "@/lib/staff/save-failure";
import { statusSchema } from "@/lib/staff/schemas";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  if (!(await getStaffSession())) {
    return new Response("Sign in at /staff to export requests.\n", {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const status = statusSchema
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("status") ?? undefined);
  let csv: string;
  try {
    const requests = await listRequests(await getDb(), { status, limit: null });
    csv = requestsToCsv(requests, (await getClinic()).timezone);
  } catch (error) {
    return failurePage(error, {
      what: "The export could not be made",
      back: { href: "/staff", label: "Back to the requests" },
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  // The byte-order mark tells Excel the file is UTF-8, so accented names survive.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="requests-${status ?? "all"}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
