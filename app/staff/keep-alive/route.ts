import { guardRoute } from "@/lib/staff/guard";

export const dynamic = "force-dynamic";

/** "Stay signed in" in the idle notice: reading the session counts as activity. */
export async function POST(): Promise<Response> {
  const actor = await guardRoute("POST /staff/keep-alive");
  if (actor instanceof Response) return actor;
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
