import type { Metadata } from "next";
import { AuditLog } from "@/components/staff/audit-log";
import { countAudit, listAudit, listAuditPeople } from "@/lib/db/audit-log";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AUDIT_PAGE_SIZE, parseAuditQuery } from "@/lib/staff/audit-query";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";
import { getClinic } from "@/lib/content/site/site";

export const dynamic = "force-dynamic";

export const metadata: Metadata = staffMetadata("Audit log");

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("/staff/audit");
  const timeZone = (await getClinic()).timezone;
  const query = parseAuditQuery(await searchParams, timeZone);
  const db = await getDb();
  const offset = (query.page - 1) * AUDIT_PAGE_SIZE;
  const [{ entries, more }, total, people] = await Promise.all([
    listAudit(db, query.filter, { limit: AUDIT_PAGE_SIZE, offset }),
    countAudit(db, query.filter),
    listAuditPeople(db),
  ]);
  return (
    <AuditLog
      query={query}
      entries={entries}
      more={more}
      total={total}
      people={people}
      timeZone={timeZone}
      keptYears={getEnv().AUDIT_RETENTION_YEARS}
    />
  );
}
