import "server-only";
import nodemailer from "nodemailer";
import type { MailMessage } from "./new-request-email";

export type SendMail = (message: MailMessage) => Promise<void>;

const senders = new Map<string, SendMail>();

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True for a mail server on this machine, where a plain connection never crosses a network. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/*
 * smtp:// to another machine must upgrade with STARTTLS before AUTH, or the
 * password and the message cross the network in clear; requireTLS makes a
 * server that does not offer it fail instead of silently sending plain text.
 * smtps:// is TLS from the first byte and needs nothing more.
 */
export function smtpTransportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  return {
    url: smtpUrl,
    requireTLS: url.protocol === "smtp:" && !isLoopbackHost(url.hostname),
    // Short timeouts so a dead server fails fast and the notification is retried later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

/** One transport per SMTP URL. */
export function smtpSender(smtpUrl: string): SendMail {
  let send = senders.get(smtpUrl);
  if (!send) {
    const transport = nodemailer.createTransport(smtpTransportOptions(smtpUrl));
    send = async (message) => {
      await transport.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true });
    };
    senders.set(smtpUrl, send);
  }
  return send;
}
