import "server-only";
import { headerValue } from "./header-safe";

/*
 * Email can be read by anyone with access to a mailbox or a mail server, so it
 * says only that a request arrived: no name, message, pain details or symptoms.
 * Staff read those in the staff inbox.
 */
export type NewRequestFacts = {
  reference: string;
  urgent: boolean;
  preferredContact: string;
  createdAt: string;
};

export type MailAddressing = { from: string; to: string; siteUrl: string; timezone: string };

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export function composeNewRequestEmail(facts: NewRequestFacts, mail: MailAddressing): MailMessage {
  const received = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: mail.timezone,
  }).format(new Date(facts.createdAt));
  const contact = facts.preferredContact === "phone" ? "phone" : "email";
  const subject = `${facts.urgent ? "URGENT: " : ""}New consultation request ${facts.reference}`;
  const text = [
    `A new consultation request has arrived through the website.`,
    ``,
    `Reference: ${facts.reference}`,
    `Urgent: ${facts.urgent ? "yes - the visitor ticked a warning sign and was told to get medical help; the inbox shows how urgently" : "no"}`,
    `Preferred contact: ${contact}`,
    `Received: ${received}`,
    ``,
    `Read the request in the staff inbox: ${new URL("/staff", mail.siteUrl).toString()}`,
  ].join("\n");
  return {
    from: headerValue("From", mail.from),
    to: headerValue("To", mail.to),
    subject: headerValue("Subject", subject),
    text,
  };
}
