import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/client";
import { addClinicRevision, addPageRevision } from "@/lib/db/content-revisions";
import { migrationProvider } from "@/lib/db/migrations";
import { getRequestByReference, saveFollowUp } from "@/lib/db/staff-requests";
import { insertRequest } from "../../shared/insert-request";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * Migration 014 on an installation used under STAFF_PASSWORD: the revisions
 * and notes made then keep the name typed then (and no account); changes made
 * afterwards carry the account and the name it had.
 */
describe.each(DATABASES)("migration 014 on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("keeps earlier authors and records the account from then on", async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo("013-two-step")).error).toBeUndefined();
    const at = new Date("2026-11-01T10:00:00Z").toISOString();
    await sql`INSERT INTO page_revisions (slug, created_at, author, note, action, frontmatter,
      body, base_hash, parent_id) VALUES ('old-page', ${at}, 'Sam typed this', null, 'publish',
      '{"title":"Old"}', 'Text.', null, 0)`.execute(t.db);
    await sql`INSERT INTO clinic_revisions (created_at, author, note, clinic, base_hash, parent_id)
      VALUES (${at}, 'Alex typed this', null, '{}', null, 0)`.execute(t.db);
    const reference = await insertRequest(t.db);
    await sql`INSERT INTO request_events (request_id, created_at, kind, from_status, to_status, note)
      SELECT id, ${at}, 'note', null, null, 'Called back.' FROM consultation_requests
      WHERE reference = ${reference}`.execute(t.db);

    await migrateToLatest(t.db);
    expect(
      await t.db.selectFrom("page_revisions").select(["author", "account_id"]).execute(),
    ).toEqual([{ author: "Sam typed this", account_id: null }]);
    expect(
      await t.db.selectFrom("clinic_revisions").select(["author", "account_id"]).execute(),
    ).toEqual([{ author: "Alex typed this", account_id: null }]);

    const by = { accountId: "account-1", name: "Robin Front Desk" };
    const page = await addPageRevision(t.db, {
      slug: "old-page",
      author: by.name,
      accountId: by.accountId,
      note: null,
      action: "publish",
      frontmatter: { title: "New" },
      body: "Text.",
      baseHash: null,
      parentId: 1,
      now: new Date(),
    });
    expect(page.ok && [page.revision.author, page.revision.account_id]).toEqual([
      by.name,
      by.accountId,
    ]);
    const clinic = await addClinicRevision(t.db, {
      author: by.name,
      accountId: by.accountId,
      note: null,
      clinic: {},
      baseHash: null,
      parentId: 1,
      now: new Date(),
    });
    expect(clinic.ok && clinic.revision.account_id).toBe(by.accountId);

    const saved = await saveFollowUp(t.db, reference, { status: "contacted" }, new Date(), by);
    expect(saved).toEqual({ status: true, note: false, from: "new" });
    const events = (await getRequestByReference(t.db, reference))?.events ?? [];
    expect(events.map((e) => [e.kind, e.author, e.account_id])).toEqual([
      ["note", null, null],
      ["status", by.name, by.accountId],
    ]);
  });
});
