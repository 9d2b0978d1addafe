import { getDb } from "@/lib/db/client";
import { healthResponse } from "@/lib/health";
import { loggedRoute } from "@/lib/request-log";

export const dynamic = "force-dynamic";

export const GET = loggedRoute("health.failed", () => healthResponse(getDb()), {
  failuresOnly: true,
});
