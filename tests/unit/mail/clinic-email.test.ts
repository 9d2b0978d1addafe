import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import { composeNewRequestEmail } from "@/lib/mail/new-request-email";
import { retryDelayMs, sendDueNotifications } from "@/lib/mail/send-due-notifications";
import { smtpSender } from "@/lib/mail/transport";
import { DATABASES, type TestDb } from "../db/test-databases";
import { SUBMITTED_AT, testDeps, toFormData, validForm } from "../consultation/fixtures";
import { insertRequest } from "../../shared/insert-request";
import { TestSmtp } from "../../shared/smtp-test-server";

const mail = {
  from: "Website <web@clinic.example>",
  to: "front-desk@clinic.example",
  siteUrl: "https://clinic.example",
  timezone: "America/Chicago",
};
const facts = {
  reference: "BP-7K3Q9M",
  urgent: true,
  preferredContact: "phone",
  createdAt: SUBMITTED_AT.toISOString(),
};

describe("the clinic email", () => {
  it("says a request arrived, its reference, urgency and contact method", () => {
    const message = composeNewRequestEmail(facts, mail);
    expect(message.subject).toBe("URGENT: New consultation request BP-7K3Q9M");
    expect(message.text).toContain("Reference: BP-7K3Q9M");
    expect(message.text).toContain("Preferred contact: phone");
    expect(message.text).toContain("https://clinic.example/staff");
    expect(composeNewRequestEmail({ ...facts, urgent: false }, mail).subject).toBe(
      "New consultation request BP-7K3Q9M",
    );
  });

  it("never lets a line break reach a header", () => {
    expect(() =>
      composeNewRequestEmail(facts, { ...mail, to: "a@b.example\r\nBcc: x@evil.example" }),
    ).toThrow(/line break/);
    expect(() => composeNewRequestEmail(facts, { ...mail, from: "Web\n<w@b.example>" })).toThrow(
      /line break/,
    );
    expect(() => composeNewRequestEmail({ ...facts, reference: "BP-1\nBcc: x" }, mail)).toThrow(
      /Subject/,
    );
  });

  it("backs off between retries, up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});

describe.each(DATABASES)("clinic email through a real SMTP server, on $name", ({ open }) => {
  let t: TestDb;
  let smtp: TestSmtp;
  beforeAll(async () => {
    t = await open();
    smtp = await TestSmtp.onFreePort();
  });
  afterAll(async () => {
    await smtp.stop();
    await t.dispose();
  });

  const submit = (fields = {}) =>
    submitConsultation(
      toFormData(validForm({ message: "Sciatica after lifting boxes", ...fields })),
      testDeps(t.db, { mailEnabled: true }),
    );

  it("arrives without health or personal details", async () => {
    await smtp.start();
    smtp.received = [];
    const state = await submit({ redFlags: ["chest-pain"] });
    if (state.status !== "received") throw new Error(state.status);
    const sweep = await sendDueNotifications(t.db, {
      send: smtpSender(smtp.url),
      mail,
      now: () => SUBMITTED_AT,
    });
    expect(sweep).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [email] = smtp.received;
    expect(email?.to).toEqual(["front-desk@clinic.example"]);
    expect(email?.raw).toContain(state.reference);
    expect(email?.raw).toContain("URGENT");
    for (const secret of [
      "Sciatica",
      "Ada",
      "Lovelace",
      "ada@example.com",
      "7946",
      "lower",
      "chest",
      "Chest",
      "6-12",
    ]) {
      expect(email?.raw).not.toContain(secret);
    }
    const row = await t.db
      .selectFrom("consultation_requests")
      .selectAll()
      .where("reference", "=", state.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      notify_state: "sent",
      notify_attempts: 1,
      notified_at: SUBMITTED_AT.toISOString(),
    });
    await smtp.stop();
  });

  it("keeps the request when SMTP is down and sends the email once SMTP is back", async () => {
    smtp.received = [];
    const state = await submit();
    if (state.status !== "received") throw new Error(state.status);
    const deps = (now: Date) => ({ send: smtpSender(smtp.url), mail, now: () => now });
    expect(await sendDueNotifications(t.db, deps(SUBMITTED_AT))).toEqual({ sent: 0, failed: 1 });
    const failed = await t.db
      .selectFrom("consultation_requests")
      .selectAll()
      .where("reference", "=", state.reference)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "new", notify_state: "failed", notify_attempts: 1 });
    expect(failed.notify_next_at).toBe(new Date(SUBMITTED_AT.getTime() + 60_000).toISOString());

    await smtp.start();
    // Not due yet: the back-off is respected.
    expect(
      await sendDueNotifications(t.db, deps(new Date(SUBMITTED_AT.getTime() + 30_000))),
    ).toEqual({ sent: 0, failed: 0 });
    const later = new Date(SUBMITTED_AT.getTime() + 61_000);
    expect(await sendDueNotifications(t.db, deps(later))).toEqual({ sent: 1, failed: 0 });
    expect(await sendDueNotifications(t.db, deps(new Date(later.getTime() + 3_600_000)))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received.filter((m) => m.raw.includes(state.reference))).toHaveLength(1);
  });

  it("sends each email once even when two sweeps race", async () => {
    smtp.received = [];
    const state = await submit();
    if (state.status !== "received") throw new Error(state.status);
    const deps = {
      send: smtpSender(smtp.url),
      mail,
      now: () => new Date(SUBMITTED_AT.getTime() + 10 * 3_600_000),
    };
    const results = await Promise.all([
      sendDueNotifications(t.db, deps),
      sendDueNotifications(t.db, deps),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(smtp.received.filter((m) => m.raw.includes(state.reference))).toHaveLength(1);
  });

  it("sends each email once when two servers, each with its own connection, sweep at once", async () => {
    smtp.received = [];
    // A slow mail server keeps each send in flight while the other server sweeps.
    smtp.acceptDelayMs = 150;
    const now = new Date();
    const references = await Promise.all(
      [1, 2, 3, 4].map(() =>
        insertRequest(t.db, {
          created_at: now.toISOString(),
          notify_state: "pending",
          notify_attempts: 0,
          notify_next_at: now.toISOString(),
          notified_at: null,
        }),
      ),
    );
    const other = t.reopen();
    try {
      const deps = { send: smtpSender(smtp.url), mail, now: () => new Date() };
      const [first, second] = await Promise.all([
        sendDueNotifications(t.db, deps),
        sendDueNotifications(other, deps),
      ]);
      // Both servers did part of the work, and no email went out twice.
      expect(first.sent).toBeGreaterThan(0);
      expect(second.sent).toBeGreaterThan(0);
      expect(first.sent + second.sent).toBe(references.length);
      for (const reference of references) {
        expect(smtp.received.filter((m) => m.raw.includes(reference))).toHaveLength(1);
      }
    } finally {
      smtp.acceptDelayMs = 0;
      await other.destroy();
    }
  });
});
