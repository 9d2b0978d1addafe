import "server-only";
import { sql, type Kysely } from "kysely";

/*
 * Warning signs come at two levels: an emergency now, or a doctor today. Both
 * keep urgent = 1; red_flag_level says which, so the inbox can put emergencies
 * first and say what the visitor was told. Rows stored before this migration
 * get their level from the signs they ticked, using the list of that time.
 */
type AnyDb = Kysely<unknown>;

// The first form's signs and their levels, frozen here: migrations describe the past.
const EARLIER_EMERGENCY = ["saddle-numbness", "bladder-bowel", "both-legs", "injury", "chest-pain"];

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("consultation_requests").addColumn("red_flag_level", "text").execute();
  const { rows } = await sql<{
    id: number;
    red_flags: string;
  }>`SELECT id, red_flags FROM consultation_requests WHERE urgent = 1`.execute(db);
  for (const row of rows) {
    // An unreadable list still marked urgent is treated as the more serious level.
    let flags: unknown = null;
    try {
      flags = JSON.parse(row.red_flags);
    } catch {
      flags = null;
    }
    const emergency =
      !Array.isArray(flags) || flags.some((flag) => EARLIER_EMERGENCY.includes(String(flag)));
    await sql`UPDATE consultation_requests SET red_flag_level = ${emergency ? "emergency" : "urgent"} WHERE id = ${row.id}`.execute(
      db,
    );
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("consultation_requests").dropColumn("red_flag_level").execute();
}
