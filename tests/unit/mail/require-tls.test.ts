import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { isLoopbackHost, smtpSender, smtpTransportOptions } from "@/lib/mail/transport";
import { TestSmtp } from "../../shared/smtp-test-server";

const message = {
  from: "site@clinic.example",
  to: "desk@clinic.example",
  subject: "Hi",
  text: "x",
};

// A real address of this machine that is not loopback, so the connection counts as "the network".
function networkAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === "IPv4");
  if (!found) throw new Error("This test needs a non-loopback IPv4 interface");
  return found.address;
}

describe("SMTP over the network requires STARTTLS", () => {
  let smtp: TestSmtp | undefined;
  afterEach(async () => {
    await smtp?.stop();
    smtp = undefined;
  });

  it("refuses to send through a server without STARTTLS on another host", async () => {
    // The test server offers no STARTTLS: without requireTLS nodemailer would send in clear.
    smtp = await TestSmtp.onFreePort(networkAddress());
    await smtp.start();
    await expect(smtpSender(smtp.url)(message)).rejects.toThrow(/STARTTLS|TLS/i);
    expect(smtp.received).toHaveLength(0);
  });

  it("still sends in plain SMTP to a server on this machine", async () => {
    smtp = await TestSmtp.onFreePort("127.0.0.1");
    await smtp.start();
    await smtpSender(smtp.url)(message);
    expect(smtp.received).toHaveLength(1);
  });

  it("requires TLS only for smtp:// to a non-loopback host", () => {
    expect(smtpTransportOptions("smtp://u:p@mail.example.com:587").requireTLS).toBe(true);
    expect(smtpTransportOptions("smtps://u:p@mail.example.com:465").requireTLS).toBe(false);
    expect(smtpTransportOptions("smtp://localhost:25").requireTLS).toBe(false);
    expect(isLoopbackHost("127.0.0.53")).toBe(true);
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });
});
