import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@/lib/db/client";
import type { NewConsultationRequest } from "@/lib/db/types";
import { STORED_FIELDS } from "@/lib/validations/consultation-fields";
import { DATABASES, postgresTestDb, type TestDb } from "./test-databases";

const request = (
  n: number,
  overrides: Partial<NewConsultationRequest> = {},
): NewConsultationRequest => ({
  reference: `BP-TEST${n}`,
  idempotency_key: `key-${n}-xxxxxxxxxxxxxxxx`,
  created_at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
  full_name: "Test Person",
  email: "t@example.com",
  phone: null,
  preferred_contact: "email",
  pain_area: "neck",
  pain_duration: "over-3-months",
  preferred_times: "[]",
  message: null,
  first_visit: 1,
  red_flags: "[]",
  urgent: 0,
  status: "new",
  client_hash: "h",
  notify_state: "off",
  notify_attempts: 0,
  notify_next_at: null,
  notified_at: null,
  ...overrides,
});

describe.each(DATABASES)("migrations on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  it("can run again without changing anything", async () => {
    await expect(migrateToLatest(t.db)).resolves.toBeUndefined();
    const tables = (await t.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(
      expect.arrayContaining(["consultation_requests", "request_events", "rate_events"]),
    );
  });

  it("has a column for every question the field catalogue stores", async () => {
    const table = (await t.db.introspection.getTables()).find(
      (candidate) => candidate.name === "consultation_requests",
    );
    const columns = table?.columns.map((column) => column.name) ?? [];
    expect(columns).toEqual(expect.arrayContaining(STORED_FIELDS.map((field) => field.column)));
  });

  it("holds reference and idempotency key unique, and numbers rows itself", async () => {
    const first = await t.db
      .insertInto("consultation_requests")
      .values(request(1))
      .returning("id")
      .executeTakeFirstOrThrow();
    const second = await t.db
      .insertInto("consultation_requests")
      .values(request(2))
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(second.id).toBeGreaterThan(first.id);
    await expect(
      t.db
        .insertInto("consultation_requests")
        .values(request(3, { reference: "BP-TEST1" }))
        .execute(),
    ).rejects.toThrow();
    await expect(
      t.db
        .insertInto("consultation_requests")
        .values(request(4, { idempotency_key: request(2).idempotency_key }))
        .execute(),
    ).rejects.toThrow();
  });

  it("deletes a request's events with it", async () => {
    const { id } = await t.db
      .insertInto("consultation_requests")
      .values(request(5))
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("request_events")
      .values({
        request_id: id,
        created_at: new Date().toISOString(),
        kind: "note",
        from_status: null,
        to_status: null,
        note: "called back",
      })
      .execute();
    await t.db.deleteFrom("consultation_requests").where("id", "=", id).execute();
    const left = await t.db
      .selectFrom("request_events")
      .select("id")
      .where("request_id", "=", id)
      .execute();
    expect(left).toEqual([]);
    await expect(
      t.db
        .insertInto("request_events")
        .values({
          request_id: 999_999,
          created_at: "x",
          kind: "note",
          from_status: null,
          to_status: null,
          note: null,
        })
        .execute(),
    ).rejects.toThrow();
  });
});

describe("migrations on PostgreSQL with other schemas in the same database", () => {
  it("migrates a fresh schema while another schema already holds its own migrated tables", async () => {
    const first = await postgresTestDb();
    try {
      const second = await postgresTestDb();
      try {
        for (const t of [first, second]) {
          await expect(
            t.db.selectFrom("consultation_requests").select("id").execute(),
          ).resolves.toEqual([]);
        }
      } finally {
        await second.dispose();
      }
    } finally {
      await first.dispose();
    }
  });
});
