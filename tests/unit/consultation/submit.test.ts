import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import { kickNotifications } from "@/lib/mail/notification-runner";
import { DATABASES, type TestDb } from "../db/test-databases";
import { countRows, RENDERED_AT, testDeps, toFormData, unusableDb, validForm } from "./fixtures";

// The email sweep is tested in tests/unit/mail; here we only see that it is asked for.
vi.mock("@/lib/mail/notification-runner", () => ({ kickNotifications: vi.fn() }));

describe.each(DATABASES)("submitConsultation on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  const rowByReference = (reference: string) =>
    t.db
      .selectFrom("consultation_requests")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();

  it("stores a valid request as new and answers with its reference", async () => {
    const state = await submitConsultation(
      toFormData(validForm()),
      testDeps(t.db, { clientHash: "store" }),
    );
    expect(state).toMatchObject({ status: "received", urgent: false, preferredContact: "email" });
    if (state.status !== "received") return;
    const row = await rowByReference(state.reference);
    expect(row).toMatchObject({
      status: "new",
      full_name: "Ada Lovelace",
      urgent: 0,
      notify_state: "off",
      client_hash: "store",
    });
  });

  it("returns field errors and the typed values, storing nothing", async () => {
    const before = await countRows(t.db);
    const state = await submitConsultation(
      toFormData(validForm({ email: "nope" })),
      testDeps(t.db),
    );
    expect(state.status).toBe("invalid");
    if (state.status !== "invalid") return;
    expect(Object.keys(state.errors)).toEqual(["email"]);
    expect(state.values).toMatchObject({
      fullName: "Ada Lovelace",
      email: "nope",
      preferredTimes: ["weekday-morning", "saturday-morning"],
    });
    expect(await countRows(t.db)).toBe(before);
  });

  it("makes one row for a re-sent form and shows the same reference", async () => {
    const form = validForm();
    const before = await countRows(t.db);
    const first = await submitConsultation(toFormData(form), testDeps(t.db));
    const again = await submitConsultation(toFormData(form), testDeps(t.db));
    const racing = await Promise.all(
      Array.from({ length: 8 }, () => submitConsultation(toFormData(form), testDeps(t.db))),
    );
    expect(first.status).toBe("received");
    for (const state of [again, ...racing]) expect(state).toEqual(first);
    expect(await countRows(t.db)).toBe(before + 1);
  });

  it("marks a request with an emergency sign urgent, at the emergency level", async () => {
    const state = await submitConsultation(
      toFormData(validForm({ redFlags: ["bladder-bowel", "fever"] })),
      testDeps(t.db),
    );
    expect(state).toMatchObject({ status: "received", urgent: true, level: "emergency" });
    if (state.status !== "received") return;
    const row = await rowByReference(state.reference);
    expect(row).toMatchObject({ urgent: 1, red_flag_level: "emergency" });
    expect(JSON.parse(row.red_flags)).toEqual(["bladder-bowel", "fever"]);
  });

  it("marks a request with only see-a-doctor-today signs urgent, at that level", async () => {
    const state = await submitConsultation(
      toFormData(validForm({ redFlags: ["night-pain", "cough-sneeze"] })),
      testDeps(t.db),
    );
    expect(state).toMatchObject({ status: "received", urgent: true, level: "urgent" });
    if (state.status !== "received") return;
    expect(await rowByReference(state.reference)).toMatchObject({
      urgent: 1,
      red_flag_level: "urgent",
    });
  });

  it("stores no level when no sign is ticked", async () => {
    const state = await submitConsultation(toFormData(validForm()), testDeps(t.db));
    expect(state).toMatchObject({ status: "received", urgent: false, level: null });
    if (state.status !== "received") return;
    expect(await rowByReference(state.reference)).toMatchObject({
      urgent: 0,
      red_flag_level: null,
    });
  });

  it.each([
    ["a filled honeypot", { website: "https://spam.example" }, {}],
    ["a forged token", { formToken: "v1.1.forged" }, {}],
    ["a missing key", { idempotencyKey: "" }, {}],
    ["a form sent too fast", {}, { now: () => new Date(RENDERED_AT.getTime() + 1000) }],
    ["a day-old form", {}, { now: () => new Date(RENDERED_AT.getTime() + 25 * 3600_000) }],
  ])("gives %s a normal answer but stores it as spam", async (_label, fields, deps) => {
    const state = await submitConsultation(
      toFormData(validForm(fields)),
      testDeps(t.db, { mailEnabled: true, ...deps }),
    );
    expect(state.status).toBe("received");
    if (state.status !== "received") return;
    const row = await rowByReference(state.reference);
    expect(row.status).toBe("spam");
    expect(row.notify_state).toBe("off");
  });

  it("limits each client and stores nothing over the limit", async () => {
    const deps = testDeps(t.db, { clientHash: "limited", rateLimit: { count: 2, minutes: 10 } });
    for (let i = 0; i < 2; i += 1)
      expect((await submitConsultation(toFormData(validForm()), deps)).status).toBe("received");
    const before = await countRows(t.db);
    const blocked = await submitConsultation(toFormData(validForm()), deps);
    expect(blocked).toMatchObject({ status: "rate-limited", values: { fullName: "Ada Lovelace" } });
    expect(await countRows(t.db)).toBe(before);
    // Another client is not affected, and the window passes.
    expect(
      (await submitConsultation(toFormData(validForm()), { ...deps, clientHash: "other" })).status,
    ).toBe("received");
    const later = { ...deps, now: () => new Date(RENDERED_AT.getTime() + 11 * 60_000 + 120_000) };
    expect((await submitConsultation(toFormData(validForm()), later)).status).toBe("received");
  });

  it("queues the clinic email and asks for it to be sent when mail is on", async () => {
    vi.mocked(kickNotifications).mockClear();
    const state = await submitConsultation(
      toFormData(validForm()),
      testDeps(t.db, { mailEnabled: true }),
    );
    if (state.status !== "received") throw new Error(state.status);
    expect(kickNotifications).toHaveBeenCalledTimes(1);
    // Spam and mail-off requests ask for nothing.
    await submitConsultation(
      toFormData(validForm({ website: "x" })),
      testDeps(t.db, { mailEnabled: true }),
    );
    await submitConsultation(toFormData(validForm()), testDeps(t.db));
    expect(kickNotifications).toHaveBeenCalledTimes(1);
    expect(await rowByReference(state.reference)).toMatchObject({
      notify_state: "pending",
      notify_attempts: 0,
    });
  });
});

describe("submitConsultation when the database fails", () => {
  it("keeps the values and says so, without throwing", async () => {
    const form = validForm({ message: "Keep me" });
    const state = await submitConsultation(toFormData(form), testDeps(unusableDb("disk full")));
    expect(state).toMatchObject({
      status: "error",
      values: { message: "Keep me", fullName: "Ada Lovelace" },
    });
    if (state.status === "error") expect(state.meta.key).toBe(form.idempotencyKey);
  });
});
