import "server-only";
import type { Kysely } from "kysely";
import { STORED_FIELDS } from "@/lib/validations/consultation-fields";
import type { ConsultationRequest, Database, RequestEvent, RequestStatus } from "./types";
import { writeTransaction } from "./write-transaction";

/*
 * The staff inbox's reads and writes. Every change to a request records an
 * event in the same transaction, so the history can never miss a change.
 * Writes go through writeTransaction, so a second server on the same SQLite
 * file makes them wait their turn rather than fail with SQLITE_BUSY.
 */
export type StaffRequest = Omit<
  ConsultationRequest,
  | "client_hash"
  | "idempotency_key"
  | "notify_attempts"
  | "notify_next_at"
  | "ack_attempts"
  | "ack_next_at"
>;
export interface StaffRequestWithEvents extends StaffRequest {
  events: RequestEvent[];
}

export const INBOX_LIMIT = 500;
type Db = Kysely<Database>;

/** Every answer column the form fills (from the field catalogue) and what staff track about it. */
const STAFF_COLUMNS = [
  "id",
  "reference",
  "created_at",
  ...STORED_FIELDS.map((field) => field.column),
  "urgent",
  "red_flag_level",
  "status",
  "notify_state",
  "notified_at",
  "ack_state",
  "acked_at",
] as const;

function selectRequests(db: Db) {
  return db.selectFrom("consultation_requests").select(STAFF_COLUMNS);
}

/**
 * Newest first, except urgent new requests, which go to the top so nobody
 * misses them: emergencies, then those told to see a doctor today.
 */
export async function listRequests(
  db: Db,
  // limit: null lists every request (the CSV export); the inbox page stops at INBOX_LIMIT.
  options: { status?: RequestStatus; limit?: number | null } = {},
): Promise<StaffRequest[]> {
  let query = selectRequests(db)
    .orderBy((eb) =>
      eb
        .case()
        .when(eb.and([eb("status", "=", "new"), eb("red_flag_level", "=", "urgent")]))
        .then(1)
        // Urgent with any other level (or none, which staff are shown as an emergency).
        .when(eb.and([eb("status", "=", "new"), eb("urgent", "=", 1)]))
        .then(0)
        .else(2)
        .end(),
    )
    .orderBy("created_at", "desc")
    .orderBy("id", "desc");
  if (options.status) query = query.where("status", "=", options.status);
  if (options.limit !== null) query = query.limit(options.limit ?? INBOX_LIMIT);
  return query.execute();
}

export async function countNewRequests(db: Db): Promise<number> {
  const row = await db
    .selectFrom("consultation_requests")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("status", "=", "new")
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a string.
  return Number(row?.count ?? 0);
}

export async function getRequestByReference(
  db: Db,
  reference: string,
): Promise<StaffRequestWithEvents | undefined> {
  const request = await selectRequests(db).where("reference", "=", reference).executeTakeFirst();
  if (!request) return undefined;
  const events = await db
    .selectFrom("request_events")
    .selectAll()
    .where("request_id", "=", request.id)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return { ...request, events };
}

/**
 * A status and a note, saved together in one transaction: both or neither.
 * Setting the current status again records nothing, and an empty note adds
 * none. Returns what was recorded, or undefined when no request has this reference.
 */
export async function saveFollowUp(
  db: Db,
  reference: string,
  change: { status?: RequestStatus; note?: string },
  now: Date,
  by?: { accountId: string; name: string },
): Promise<{ status: boolean; note: boolean; from?: RequestStatus } | undefined> {
  const saved: { status: boolean; note: boolean; from?: RequestStatus } = {
    status: false,
    note: false,
  };
  const found = await onRequest(db, reference, async (trx, row) => {
    const event = {
      request_id: row.id,
      created_at: now.toISOString(),
      // Who, as the account and the name it had then (migration 014).
      account_id: by?.accountId ?? null,
      author: by?.name ?? null,
    };
    if (change.status && row.status !== change.status) {
      await trx
        .updateTable("consultation_requests")
        .set({ status: change.status })
        .where("id", "=", row.id)
        .execute();
      await trx
        .insertInto("request_events")
        .values({
          ...event,
          kind: "status",
          from_status: row.status,
          to_status: change.status,
          note: null,
        })
        .execute();
      saved.status = true;
      saved.from = row.status;
    }
    if (change.note) {
      await trx
        .insertInto("request_events")
        .values({ ...event, kind: "note", from_status: null, to_status: null, note: change.note })
        .execute();
      saved.note = true;
    }
  });
  return found ? saved : undefined;
}

/** Returns false when no request has this reference. Setting the current status again records nothing. */
export async function updateRequestStatus(
  db: Db,
  reference: string,
  status: RequestStatus,
  now: Date,
): Promise<boolean> {
  return (await saveFollowUp(db, reference, { status }, now)) !== undefined;
}

export async function addRequestNote(
  db: Db,
  reference: string,
  note: string,
  now: Date,
): Promise<boolean> {
  return (await saveFollowUp(db, reference, { note }, now)) !== undefined;
}

/** Erases a request and its history for good (a patient's erasure request). */
export async function deleteRequest(db: Db, reference: string): Promise<boolean> {
  return onRequest(db, reference, async (trx, row) => {
    await trx.deleteFrom("request_events").where("request_id", "=", row.id).execute();
    await trx.deleteFrom("consultation_requests").where("id", "=", row.id).execute();
  });
}

/**
 * A staff change to one request: the request is read and changed in one write
 * transaction (write-transaction.ts). Returns false when no request has this
 * reference.
 */
async function onRequest(
  db: Db,
  reference: string,
  change: (trx: Db, row: { id: number; status: RequestStatus }) => Promise<void>,
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("consultation_requests")
      .select(["id", "status"])
      .where("reference", "=", reference)
      .executeTakeFirst();
    if (!row) return false;
    await change(trx, row);
    return true;
  });
}
