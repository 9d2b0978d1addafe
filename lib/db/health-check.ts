import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";

/** Writes the time into the health check's one row (made if missing), committed. */
export async function writeHealthCheck(db: Kysely<Database>, now: Date): Promise<void> {
  const checkedAt = now.toISOString();
  await db
    .insertInto("health_check")
    .values({ id: 1, checked_at: checkedAt })
    .onConflict((oc) => oc.column("id").doUpdateSet({ checked_at: checkedAt }))
    .execute();
}
