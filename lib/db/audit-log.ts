import "server-only";
import type { Kysely } from "kysely";
import {
  AUDIT_DETAIL_MAX,
  AUDIT_OBJECTS,
  isAuditDetailKey,
  isAuditEvent,
  type AuditDetail,
  type AuditEvent,
  type AuditObject,
} from "@/lib/staff/audit-events";
import type { Database } from "./types";

/*
 * The audit log's only door: write an entry, read entries, and drop entries
 * older than the retention period. There is deliberately no way to change an
 * entry or delete a younger one (the table refuses UPDATE by trigger too), and
 * a test checks this module exports nothing else.
 */
type Db = Kysely<Database>;

export interface AuditActor {
  accountId: string;
  /** Copied into the entry: a later rename does not rewrite history. */
  name: string;
}

export interface NewAuditEntry {
  at: Date;
  /** null when nobody is signed in (a failed sign-in). */
  actor: AuditActor | null;
  event: AuditEvent;
  object?: AuditObject;
  detail?: AuditDetail;
  /** Keyed hash of the client address (lib/client-hash.ts); null for the server's own work. */
  clientHash: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  accountId: string | null;
  accountName: string | null;
  /** A catalogued event id, or one an older or newer version wrote. */
  event: string;
  object: { type: string; id: string } | null;
  detail: AuditDetail | null;
  clientHash: string | null;
}

export interface AuditFilter {
  accountId?: string;
  event?: AuditEvent;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries strictly before this instant. */
  before?: Date;
  object?: AuditObject;
}

const MAX_DETAIL_KEYS = 8;
const MAX_ID = 200;

/**
 * A detail passes only with catalogued keys and short plain values: the type
 * already says so, and this holds it for callers that build one at run time,
 * so a patient's words cannot reach the log by a loose cast.
 */
export function checkAuditDetail(detail: Record<string, unknown>): AuditDetail {
  const entries = Object.entries(detail);
  if (entries.length > MAX_DETAIL_KEYS) {
    throw new Error(`Audit detail has ${entries.length} keys; at most ${MAX_DETAIL_KEYS}`);
  }
  for (const [key, value] of entries) {
    if (!isAuditDetailKey(key)) {
      throw new Error(`Audit detail key "${key}" is not in AUDIT_DETAIL_KEYS`);
    }
    const ok =
      (typeof value === "number" && Number.isFinite(value)) ||
      (typeof value === "string" && value.length <= AUDIT_DETAIL_MAX);
    if (!ok) {
      throw new Error(
        `Audit detail "${key}" must be a number or a string of at most ${AUDIT_DETAIL_MAX} characters`,
      );
    }
  }
  return detail as AuditDetail;
}

export async function recordAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  if (!isAuditEvent(entry.event)) throw new Error(`Unknown audit event "${entry.event}"`);
  const { object } = entry;
  if (object && (!Object.hasOwn(AUDIT_OBJECTS, object.type) || object.id.length > MAX_ID)) {
    throw new Error(`Audit object ${object.type} is not catalogued or its id is too long`);
  }
  const detail = entry.detail && checkAuditDetail(entry.detail);
  await db
    .insertInto("audit_log")
    .values({
      at: entry.at.toISOString(),
      account_id: entry.actor?.accountId ?? null,
      account_name: entry.actor?.name ?? null,
      event: entry.event,
      object_type: object?.type ?? null,
      object_id: object?.id ?? null,
      detail: detail && Object.keys(detail).length > 0 ? JSON.stringify(detail) : null,
      client_hash: entry.clientHash,
    })
    .execute();
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom("audit_log");
  if (filter.accountId) query = query.where("account_id", "=", filter.accountId);
  if (filter.event) query = query.where("event", "=", filter.event);
  // ISO-8601 UTC text sorts as time on both engines.
  if (filter.from) query = query.where("at", ">=", filter.from.toISOString());
  if (filter.before) query = query.where("at", "<", filter.before.toISOString());
  if (filter.object) {
    query = query
      .where("object_type", "=", filter.object.type)
      .where("object_id", "=", filter.object.id);
  }
  return query;
}

function parseDetail(text: string | null): AuditDetail | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as AuditDetail) : null;
  } catch {
    return null;
  }
}

/**
 * Newest first. `limit: null` reads every matching entry (the CSV export), from the top;
 * `more` says whether entries follow the page read.
 */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  page: { limit: number | null; offset?: number },
): Promise<{ entries: AuditEntry[]; more: boolean }> {
  let query = filtered(db, filter).selectAll().orderBy("at", "desc").orderBy("id", "desc");
  // SQLite takes an offset only after a limit; reading everything starts at the top anyway.
  if (page.limit !== null) query = query.limit(page.limit + 1).offset(page.offset ?? 0);
  const rows = await query.execute();
  const more = page.limit !== null && rows.length > page.limit;
  const entries = (more ? rows.slice(0, page.limit ?? 0) : rows).map((row) => ({
    id: Number(row.id),
    at: row.at,
    accountId: row.account_id,
    accountName: row.account_name,
    event: row.event,
    object:
      row.object_type && row.object_id !== null
        ? { type: row.object_type, id: row.object_id }
        : null,
    detail: parseDetail(row.detail),
    clientHash: row.client_hash,
  }));
  return { entries, more };
}

export async function countAudit(db: Db, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a string.
  return Number(row?.count ?? 0);
}

/** Everyone who appears in the log, each under the name of their newest entry: the person filter. */
export async function listAuditPeople(db: Db): Promise<AuditActor[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(["account_id", "account_name", (eb) => eb.fn.max("id").as("newest")])
    .where("account_id", "is not", null)
    .groupBy(["account_id", "account_name"])
    .orderBy("newest", "desc")
    .execute();
  const people = new Map<string, string>();
  for (const row of rows) {
    if (row.account_id && !people.has(row.account_id)) {
      people.set(row.account_id, row.account_name ?? row.account_id);
    }
  }
  return [...people]
    .map(([accountId, name]) => ({ accountId, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Deletes entries older than `years` years before `now`, and nothing younger:
 * the only delete there is (HIPAA 164.316(b)(2) asks for six years).
 */
export async function pruneAudit(db: Db, now: Date, years: number): Promise<number> {
  if (!Number.isInteger(years) || years < 1) {
    throw new Error(`audit retention must be a whole number of years above zero, got ${years}`);
  }
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const result = await db
    .deleteFrom("audit_log")
    .where("at", "<", cutoff.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
