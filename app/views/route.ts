import { VIEW_BEACON_MAX_BYTES } from "@/lib/insights/beacon";
import { recordView } from "@/lib/insights/tally";

/*
 * Where the view beacon (lib/insights/beacon.ts) reports a page reached by a
 * link inside the site. It adds one to the count in memory by the same rules
 * as a page load, and answers nothing either way, so it tells a caller
 * nothing about what was counted. A post from another site never gets here
 * (proxy.ts refuses it).
 */
export const dynamic = "force-dynamic";

const NO_CONTENT = () =>
  new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  // A beacon always says its length; a body of unknown length is never read.
  const length = Number(request.headers.get("content-length") ?? "NaN");
  if (!Number.isInteger(length) || length > VIEW_BEACON_MAX_BYTES) return NO_CONTENT();
  const address = (await request.text()).slice(0, VIEW_BEACON_MAX_BYTES);
  if (address.startsWith("/") && !address.startsWith("//"))
    recordView(new URL(address, "http://site.invalid"), request.headers, new Date(), "navigation");
  return NO_CONTENT();
}
