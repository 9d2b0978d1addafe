import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/client";
import { migrationProvider } from "@/lib/db/migrations";
import { countAccounts } from "@/lib/db/staff-accounts";
import { DATABASES, type TestDb } from "./test-databases";

/*
 * An installation that ran on the shared STAFF_PASSWORD upgrades to personal
 * accounts: its requests, their history, published revisions and drafts stay
 * as they were; only the shared-password sign-outs table goes, and no
 * account exists until `npm run staff:invite` makes the owner.
 */
describe.each(DATABASES)("upgrading from the shared staff password on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("keeps every request, event, revision and draft made before", async () => {
    const migrator = new Migrator({
      db: t.db,
      provider: migrationProvider,
      allowUnorderedMigrations: true,
    });
    const down = await migrator.migrateTo("010-content-image-files");
    expect(down.error).toBeUndefined();
    const now = "2026-11-30T10:00:00.000Z";
    await sql`INSERT INTO consultation_requests (reference, idempotency_key, created_at, full_name,
      email, preferred_contact, pain_area, pain_duration, preferred_times, first_visit, red_flags,
      urgent, status, client_hash, notify_state)
      VALUES ('OLD-1', 'old-1-key', ${now}, 'Old Patient', 'old@example.com', 'email', 'neck',
      'over-3-months', '[]', 1, '[]', 0, 'contacted', 'h', 'off')`.execute(t.db);
    const request = await t.db
      .selectFrom("consultation_requests")
      .select("id")
      .where("reference", "=", "OLD-1")
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO request_events (request_id, created_at, kind, from_status, to_status, note)
      VALUES (${request.id}, ${now}, 'status', 'new', 'contacted', NULL)`.execute(t.db);
    await sql`INSERT INTO page_revisions (slug, created_at, author, note, action, frontmatter, body,
      base_hash, parent_id) VALUES ('faq', ${now}, 'Sam at the desk', NULL, 'publish', '{}', 'Body',
      NULL, 0)`.execute(t.db);
    await sql`INSERT INTO clinic_revisions (created_at, author, note, clinic, base_hash, parent_id)
      VALUES (${now}, 'Alex', NULL, '{}', NULL, 0)`.execute(t.db);
    await sql`INSERT INTO page_drafts (owner, page, saved_at, version, data)
      VALUES ('name:sam at the desk', '/faq', ${now}, 3, '{"body":"typed"}')`.execute(t.db);
    await sql`INSERT INTO revoked_staff_sessions (nonce, expires_at) VALUES ('n', ${now})`.execute(
      t.db,
    );

    await migrateToLatest(t.db);

    expect(
      await t.db
        .selectFrom("consultation_requests")
        .select(["reference", "status"])
        .where("reference", "=", "OLD-1")
        .execute(),
    ).toEqual([{ reference: "OLD-1", status: "contacted" }]);
    expect(
      await t.db
        .selectFrom("request_events")
        .select(["kind", "to_status"])
        .where("request_id", "=", request.id)
        .execute(),
    ).toEqual([{ kind: "status", to_status: "contacted" }]);
    expect(
      await t.db.selectFrom("page_revisions").select(["slug", "author"]).execute(),
    ).toContainEqual({ slug: "faq", author: "Sam at the desk" });
    expect(await t.db.selectFrom("clinic_revisions").select("author").execute()).toContainEqual({
      author: "Alex",
    });
    expect(
      await t.db.selectFrom("page_drafts").select(["owner", "version"]).execute(),
    ).toContainEqual({ owner: "name:sam at the desk", version: 3 });
    await expect(sql`SELECT nonce FROM revoked_staff_sessions`.execute(t.db)).rejects.toThrow();
    expect(await countAccounts(t.db)).toBe(0);
  });
});
