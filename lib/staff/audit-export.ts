import type { AuditEntry } from "@/lib/db/audit-log";
import { auditEventLabel, auditObjectLabel, describeAuditDetail } from "./audit-events";
import { toCsv } from "./csv";
import { sortableDateTime } from "./export";

/*
 * The audit log as a spreadsheet: the clinic's local time to read, the exact
 * UTC instant to prove. Every cell goes through toCsv, which neutralises
 * formula-like text: a name or an email typed at sign-in is someone else's words.
 */
export function auditToCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const header = [
    `Time (${timeZone})`,
    "Time (UTC)",
    "Person",
    "Account id",
    "Event",
    "About",
    "Which",
    "Details",
    "Client (hashed)",
  ];
  const rows = entries.map((entry) => [
    sortableDateTime(entry.at, timeZone),
    entry.at,
    entry.accountName ?? "",
    entry.accountId ?? "",
    auditEventLabel(entry.event),
    entry.object ? auditObjectLabel(entry.object.type) : "",
    entry.object?.id ?? "",
    describeAuditDetail(entry.detail),
    entry.clientHash ?? "",
  ]);
  return toCsv(header, rows);
}
