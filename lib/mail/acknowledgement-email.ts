import "server-only";
import { redFlagAdvice, type RedFlagLevel } from "@/lib/validations/consultation-fields";
import { headerValue } from "./header-safe";
import type { MailMessage } from "./new-request-email";

/*
 * The visitor's acknowledgement of their request (issue 19). It carries no
 * health detail (a mailbox is read by more people and servers than the staff
 * inbox) and no text the visitor typed except the reference, which the site
 * chose: not even their name, so the form cannot be used to send chosen words
 * to a chosen address. A red-flag request gets the answer page's advice, at
 * the same level and in the same words, before anything else.
 */
export type AcknowledgementFacts = {
  reference: string;
  level: RedFlagLevel | null;
  /** The contact method the visitor chose from the form's list ("phone" or "email"). */
  preferredContact: string;
  /** The visitor's address, validated by the form's schema. */
  to: string;
};

export type AcknowledgementClinic = {
  name: string;
  phone: string;
  replyWithin: string;
  emergencyNumber: string;
};

export function composeAcknowledgementEmail(
  facts: AcknowledgementFacts,
  clinic: AcknowledgementClinic,
  from: string,
): MailMessage {
  const advice = facts.level ? redFlagAdvice(facts.level, clinic.emergencyNumber) : null;
  const how = facts.preferredContact === "phone" ? "call" : "email";
  const paragraphs = [
    ...(advice ? [advice.title, advice.action] : []),
    `Thank you for your request to ${clinic.name}.`,
    `Your reference is ${facts.reference}. Please quote it if you contact us.`,
    `We will ${how} you within ${clinic.replyWithin}.`,
    `If you would rather talk now, or if things change, call us on ${clinic.phone}.`,
    "This email was sent automatically and holds none of the details you gave us. If you did not send a request, you can ignore it.",
  ];
  const subject = advice
    ? `${advice.title}: your request ${facts.reference}`
    : `Your request to ${clinic.name}: reference ${facts.reference}`;
  return {
    from: headerValue("From", from),
    to: headerValue("To", facts.to),
    subject: headerValue("Subject", subject),
    text: paragraphs.join("\n\n"),
    html: toHtml(paragraphs, advice !== null),
    // RFC 3834: an automatic reply, so auto-responders do not answer it. No List-Unsubscribe:
    // it is one transactional message, not a list.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

function toHtml(paragraphs: string[], advised: boolean): string {
  const body = paragraphs.map((text, index) =>
    advised && index < 2
      ? `<p><strong>${escapeHtml(text)}</strong></p>`
      : `<p>${escapeHtml(text)}</p>`,
  );
  return `<!doctype html><html lang="en"><body>${body.join("")}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}
