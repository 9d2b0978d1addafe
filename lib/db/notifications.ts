import "server-only";
import type { Kysely } from "kysely";
import type { ConsultationRequest, Database } from "./types";

/*
 * The notification state lives on the request row, so an email can never be
 * forgotten: a row is "pending" or "failed" until a send succeeds.
 */
export type NotificationRow = Pick<
  ConsultationRequest,
  | "id"
  | "reference"
  | "urgent"
  | "preferred_contact"
  | "created_at"
  | "notify_attempts"
  | "notify_next_at"
>;

export async function listDueNotifications(
  db: Kysely<Database>,
  now: Date,
  options: { includeGivenUp?: boolean; limit?: number } = {},
): Promise<NotificationRow[]> {
  return db
    .selectFrom("consultation_requests")
    .select([
      "id",
      "reference",
      "urgent",
      "preferred_contact",
      "created_at",
      "notify_attempts",
      "notify_next_at",
    ])
    .where("notify_state", "in", ["pending", "failed"])
    .where((eb) =>
      options.includeGivenUp
        ? eb.or([eb("notify_next_at", "<=", now.toISOString()), eb("notify_next_at", "is", null)])
        : eb("notify_next_at", "<=", now.toISOString()),
    )
    .orderBy("id")
    .limit(options.limit ?? 50)
    .execute();
}

/**
 * Takes a row for sending by pushing its next attempt past a lease. Only the
 * caller that sees the row unchanged wins, so two servers never send twice.
 */
export async function claimNotification(
  db: Kysely<Database>,
  row: NotificationRow,
  leaseUntil: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("consultation_requests")
    .set({ notify_next_at: leaseUntil.toISOString() })
    .where("id", "=", row.id)
    .where("notify_state", "in", ["pending", "failed"])
    .where("notify_attempts", "=", row.notify_attempts)
    .where("notify_next_at", row.notify_next_at === null ? "is" : "=", row.notify_next_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markNotified(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("consultation_requests")
    .set((eb) => ({
      notify_state: "sent",
      notified_at: now.toISOString(),
      notify_next_at: null,
      notify_attempts: eb("notify_attempts", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt; a null nextAt means automatic retries have given up. */
export async function markNotifyFailed(
  db: Kysely<Database>,
  id: number,
  attempts: number,
  nextAt: Date | null,
): Promise<void> {
  await db
    .updateTable("consultation_requests")
    .set({
      notify_state: "failed",
      notify_attempts: attempts,
      notify_next_at: nextAt?.toISOString() ?? null,
    })
    .where("id", "=", id)
    .execute();
}
