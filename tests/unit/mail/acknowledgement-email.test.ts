import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import { composeAcknowledgementEmail } from "@/lib/mail/acknowledgement-email";
import { sendDueAcknowledgements, sendDueNotifications } from "@/lib/mail/send-due-notifications";
import { smtpSender } from "@/lib/mail/transport";
import { redFlagAdvice } from "@/lib/validations/consultation-fields";
import { DATABASES, type TestDb } from "../db/test-databases";
import { SUBMITTED_AT, testDeps, toFormData, validForm } from "../consultation/fixtures";
import { TestSmtp } from "../../shared/smtp-test-server";

const clinic = {
  name: "Marker Clinic Of Backs",
  phone: "+1 555 010 4242",
  replyWithin: "two marker days",
  emergencyNumber: "911",
};
const FROM = "Website <web@clinic.example>";

/* Values no template could contain by chance: if one shows up, it came from the visitor. */
const VISITOR = {
  fullName: "Zephyrine Quillfeather",
  message: "Plinthmarker ache after gardening",
  phone: "+44 20 7946 0958",
};
const HEALTH = ["Zephyrine", "Quillfeather", "Plinthmarker", "7946", "lower-back", "Lower back"];
const HEALTH_WITH_DETAILS = [
  ...HEALTH,
  "6-12-weeks",
  "6 to 12 weeks",
  "chest-pain",
  "Chest pain",
  "fever",
];

/** The body as a person reads it: quoted-printable soft line breaks and escapes undone. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("the acknowledgement message", () => {
  const facts = {
    reference: "BP-7K3Q9M",
    level: null,
    preferredContact: "email",
    to: "v@x.example",
  };

  it("names the clinic, the reference, the reply time and the phone number, in text and HTML", () => {
    const message = composeAcknowledgementEmail(facts, clinic, FROM);
    for (const body of [message.text, message.html ?? ""]) {
      for (const fact of [clinic.name, "BP-7K3Q9M", "two marker days", "+1 555 010 4242"]) {
        expect(body).toContain(fact);
      }
    }
    expect(message.subject).toContain("BP-7K3Q9M");
    expect(message.to).toBe("v@x.example");
    expect(message.headers).toEqual({ "Auto-Submitted": "auto-generated" });
    expect(Object.keys(message.headers ?? {})).not.toContain("List-Unsubscribe");
    expect(message.text).toContain("We will email you within two marker days");
    expect(
      composeAcknowledgementEmail({ ...facts, preferredContact: "phone" }, clinic, FROM).text,
    ).toContain("We will call you within two marker days");
  });

  it.each(["emergency", "urgent"] as const)(
    "puts the %s advice first, in the answer page's words",
    (level) => {
      const message = composeAcknowledgementEmail({ ...facts, level }, clinic, FROM);
      const advice = redFlagAdvice(level, clinic.emergencyNumber);
      expect(message.text.startsWith(`${advice.title}\n\n${advice.action}\n\n`)).toBe(true);
      expect(message.subject.startsWith(advice.title)).toBe(true);
      const html = message.html ?? "";
      expect(html.indexOf(advice.title)).toBeLessThan(html.indexOf("Thank you"));
      expect(html.indexOf(advice.title)).toBeGreaterThan(-1);
    },
  );

  it("has no advice without a red flag", () => {
    const text = composeAcknowledgementEmail(facts, clinic, FROM).text;
    expect(text.startsWith("Thank you for your request to Marker Clinic Of Backs.")).toBe(true);
    expect(text).not.toContain(redFlagAdvice("urgent", "911").title);
    expect(text).not.toContain(redFlagAdvice("emergency", "911").title);
  });

  it("escapes the clinic's words in HTML and refuses a line break in a header", () => {
    const html = composeAcknowledgementEmail(facts, { ...clinic, name: "A & <B>" }, FROM).html;
    expect(html).toContain("A &amp; &lt;B&gt;");
    expect(() =>
      composeAcknowledgementEmail(
        { ...facts, to: "v@x.example\r\nBcc: e@evil.example" },
        clinic,
        FROM,
      ),
    ).toThrow(/line break/);
  });
});

describe.each(DATABASES)("the acknowledgement through a real SMTP server, on $name", ({ open }) => {
  let t: TestDb;
  let smtp: TestSmtp;
  beforeAll(async () => {
    t = await open();
    smtp = await TestSmtp.onFreePort();
    await smtp.start();
  });
  afterAll(async () => {
    await smtp.stop();
    await t.dispose();
  });

  const sweep = (now = SUBMITTED_AT, enabled = true) =>
    sendDueAcknowledgements(t.db, {
      send: smtpSender(smtp.url),
      from: FROM,
      clinic,
      enabled,
      now: () => now,
    });
  const submit = (fields = {}, deps = {}) =>
    submitConsultation(
      toFormData(validForm({ ...VISITOR, ...fields })),
      testDeps(t.db, { mailEnabled: true, acknowledge: true, ...deps }),
    );
  const ackState = async (reference: string) =>
    await t.db
      .selectFrom("consultation_requests")
      .select(["ack_state", "ack_attempts", "acked_at"])
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();

  it("sends one acknowledgement to the visitor, with the reference and no health detail or name", async () => {
    smtp.received = [];
    const state = await submit({ redFlags: ["chest-pain", "fever"], painDuration: "6-12-weeks" });
    if (state.status !== "received") throw new Error(state.status);
    expect(await sweep()).toEqual({ sent: 1, failed: 0 });
    // Queued once: a second sweep, and a later one, send nothing more.
    expect(await sweep(new Date(SUBMITTED_AT.getTime() + 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(1);
    const [email] = smtp.received;
    expect(email?.to).toEqual(["ada@example.com"]);
    const body = readable(email?.raw ?? "");
    expect(body).toContain(state.reference);
    expect(body).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(body).not.toMatch(/^List-Unsubscribe:/im);
    expect(body).toContain(redFlagAdvice("emergency", "911").title);
    for (const secret of HEALTH_WITH_DETAILS) expect(body).not.toContain(secret);
    expect(await ackState(state.reference)).toMatchObject({
      ack_state: "sent",
      ack_attempts: 1,
      acked_at: SUBMITTED_AT.toISOString(),
    });
    // The clinic's own email is separate, and still owed once.
    const clinicSweep = await sendDueNotifications(t.db, {
      send: smtpSender(smtp.url),
      mail: {
        from: FROM,
        to: "desk@clinic.example",
        siteUrl: "https://c.example",
        timezone: "UTC",
      },
      now: () => SUBMITTED_AT,
    });
    expect(clinicSweep.sent).toBe(1);
    expect(smtp.received.filter((m) => m.to.includes("ada@example.com"))).toHaveLength(1);
  });

  it("queues nothing when the clinic turned it off, for spam, or without a mail server", async () => {
    smtp.received = [];
    const off = await submit({}, { acknowledge: false });
    const noMail = await submit({}, { mailEnabled: false });
    const spam = await submit({ website: "http://spam.example" });
    for (const state of [off, noMail, spam]) {
      if (state.status !== "received") throw new Error(state.status);
      expect((await ackState(state.reference)).ack_state).toBe("off");
    }
    expect(await sweep()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("withdraws the queued and failing ones when the clinic turns it off later", async () => {
    smtp.received = [];
    const queued = await submit();
    const failing = await submit();
    if (queued.status !== "received" || failing.status !== "received") throw new Error("refused");
    await t.db
      .updateTable("consultation_requests")
      .set({ ack_state: "failed", ack_attempts: 2 })
      .where("reference", "=", failing.reference)
      .execute();
    expect(await sweep(SUBMITTED_AT, false)).toEqual({ sent: 0, failed: 0 });
    for (const state of [queued, failing])
      expect((await ackState(state.reference)).ack_state).toBe("off");
    // Turned back on, the withdrawn ones stay withdrawn: nobody is emailed days late.
    expect(await sweep(new Date(SUBMITTED_AT.getTime() + 3_600_000))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it("sends nothing past the client and global limits", async () => {
    smtp.received = [];
    const limited = { rateLimit: { count: 1, minutes: 10 }, clientHash: "flooder" };
    const first = await submit({}, limited);
    const refused = await submit({}, limited);
    expect(first.status).toBe("received");
    expect(refused.status).toBe("rate-limited");
    const global = { globalLimit: { count: 1, minutes: 10 }, clientHash: "another" };
    const overCeiling = await submit({}, global);
    if (overCeiling.status !== "received") throw new Error(overCeiling.status);
    expect((await ackState(overCeiling.reference)).ack_state).toBe("off");
    expect(await sweep()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries a failed acknowledgement and sends it once", async () => {
    smtp.received = [];
    const state = await submit();
    if (state.status !== "received") throw new Error(state.status);
    await smtp.stop();
    expect(await sweep()).toEqual({ sent: 0, failed: 1 });
    expect(await ackState(state.reference)).toMatchObject({ ack_state: "failed", ack_attempts: 1 });
    await smtp.start();
    const later = new Date(SUBMITTED_AT.getTime() + 61_000);
    const [a, b] = await Promise.all([sweep(later), sweep(later)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(1);
    expect(smtp.received.filter((m) => readable(m.raw).includes(state.reference))).toHaveLength(1);
  });
});
