import "server-only";
import type { Kysely } from "kysely";

/*
 * Who made a change, as an account (issue 16): page and clinic revisions and
 * a request's status changes and notes keep the account id beside the name
 * at the time, so a later rename does not rewrite history and the audit log
 * and the histories name the same person. Rows written before accounts keep
 * the name typed then (revisions) or none (request events, which had none);
 * their account id stays empty. No foreign keys: accounts are disabled,
 * never deleted, and 011 may run after this one.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("page_revisions").addColumn("account_id", "text").execute();
  await db.schema.alterTable("clinic_revisions").addColumn("account_id", "text").execute();
  await db.schema.alterTable("request_events").addColumn("account_id", "text").execute();
  await db.schema.alterTable("request_events").addColumn("author", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("request_events").dropColumn("author").execute();
  await db.schema.alterTable("request_events").dropColumn("account_id").execute();
  await db.schema.alterTable("clinic_revisions").dropColumn("account_id").execute();
  await db.schema.alterTable("page_revisions").dropColumn("account_id").execute();
}
