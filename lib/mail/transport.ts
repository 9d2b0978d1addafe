import "server-only";
import nodemailer from "nodemailer";
import type { MailMessage } from "./new-request-email";

export type SendMail = (message: MailMessage) => Promise<void>;

const senders = new Map<string, SendMail>();

/** One pooled-free transport per SMTP URL; short timeouts so a dead server fails fast and is retried. */
export function smtpSender(smtpUrl: string): SendMail {
  let send = senders.get(smtpUrl);
  if (!send) {
    const transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    send = async (message) => {
      await transport.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true });
    };
    senders.set(smtpUrl, send);
  }
  return send;
}
