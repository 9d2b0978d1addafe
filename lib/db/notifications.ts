import "server-only";
import type { Kysely } from "kysely";
import type { Database, NotifyState } from "./types";

/*
 * The notification state lives on the request row, so an email can never be
 * forgotten: a row is "pending" or "failed" until a send succeeds. Each kind
 * of email has its own four columns, so a request owes at most one of each:
 * the clinic's email about it and the visitor's acknowledgement.
 */
export const NOTIFICATION_COLUMNS = {
  clinic: {
    state: "notify_state",
    attempts: "notify_attempts",
    nextAt: "notify_next_at",
    doneAt: "notified_at",
  },
  acknowledgement: {
    state: "ack_state",
    attempts: "ack_attempts",
    nextAt: "ack_next_at",
    doneAt: "acked_at",
  },
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_COLUMNS;

export type NotificationRow = {
  id: number;
  reference: string;
  urgent: number;
  red_flag_level: string | null;
  preferred_contact: string;
  email: string;
  created_at: string;
  notify_attempts: number;
  notify_next_at: string | null;
};

export async function listDueNotifications(
  db: Kysely<Database>,
  now: Date,
  options: { includeGivenUp?: boolean; limit?: number; kind?: NotificationKind } = {},
): Promise<NotificationRow[]> {
  const c = NOTIFICATION_COLUMNS[options.kind ?? "clinic"];
  const rows = await db
    .selectFrom("consultation_requests")
    .select([
      "id",
      "reference",
      "urgent",
      "red_flag_level",
      "preferred_contact",
      "email",
      "created_at",
      `${c.attempts} as attempts`,
      `${c.nextAt} as next_at`,
    ])
    .where(c.state, "in", ["pending", "failed"])
    .where((eb) =>
      options.includeGivenUp
        ? eb.or([eb(c.nextAt, "<=", now.toISOString()), eb(c.nextAt, "is", null)])
        : eb(c.nextAt, "<=", now.toISOString()),
    )
    .orderBy("id")
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(({ attempts, next_at, ...row }) => ({
    ...row,
    notify_attempts: Number(attempts),
    notify_next_at: next_at,
  }));
}

/**
 * Takes a row for sending by pushing its next attempt past a lease. Only the
 * caller that sees the row unchanged wins, so two servers never send twice.
 */
export async function claimNotification(
  db: Kysely<Database>,
  row: NotificationRow,
  leaseUntil: Date,
  kind: NotificationKind = "clinic",
): Promise<boolean> {
  const c = NOTIFICATION_COLUMNS[kind];
  const result = await db
    .updateTable("consultation_requests")
    .set({ [c.nextAt]: leaseUntil.toISOString() })
    .where("id", "=", row.id)
    .where(c.state, "in", ["pending", "failed"])
    .where(c.attempts, "=", row.notify_attempts)
    .where(c.nextAt, row.notify_next_at === null ? "is" : "=", row.notify_next_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markNotified(
  db: Kysely<Database>,
  id: number,
  now: Date,
  kind: NotificationKind = "clinic",
): Promise<void> {
  const c = NOTIFICATION_COLUMNS[kind];
  await db
    .updateTable("consultation_requests")
    .set((eb) => ({
      [c.state]: "sent" satisfies NotifyState,
      [c.doneAt]: now.toISOString(),
      [c.nextAt]: null,
      [c.attempts]: eb(c.attempts, "+", 1),
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
  kind: NotificationKind = "clinic",
): Promise<void> {
  const c = NOTIFICATION_COLUMNS[kind];
  await db
    .updateTable("consultation_requests")
    .set({
      [c.state]: "failed" satisfies NotifyState,
      [c.attempts]: attempts,
      [c.nextAt]: nextAt?.toISOString() ?? null,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * Turns every acknowledgement still owed (queued or failing) off: the clinic
 * turned acknowledgements off in its details after these requests arrived.
 * Returns how many were withdrawn. One that a server is sending right now is
 * past its claim and still goes out; nothing else does.
 */
export async function withdrawAcknowledgements(db: Kysely<Database>): Promise<number> {
  const c = NOTIFICATION_COLUMNS.acknowledgement;
  const result = await db
    .updateTable("consultation_requests")
    .set({ [c.state]: "off" satisfies NotifyState, [c.nextAt]: null })
    .where(c.state, "in", ["pending", "failed"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
