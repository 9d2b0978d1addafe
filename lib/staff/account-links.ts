import "server-only";
import type { Kysely } from "kysely";
import {
  findAccountForSignIn,
  inviteAccount,
  requestPasswordReset,
  resendInvite,
  resetAccount,
  type StaffAccount,
} from "@/lib/db/staff-accounts";
import type { Database } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { headerValue } from "@/lib/mail/header-safe";
import { smtpSender } from "@/lib/mail/transport";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES } from "./lockout";
import { ROLE_LABELS, type Role } from "@/lib/validations/permissions";
import { issueToken, TOKEN_HOURS } from "./tokens";
import { errorLine, logEvent } from "@/lib/log";

/*
 * Set-up and reset links, and the emails that carry them: what the accounts
 * page, `npm run staff:invite` and "forgot password" share. A link is shown
 * to the person who made it (the owner, the command line) and, when SMTP_URL
 * is set, emailed to the account; it is never logged.
 */
export const SET_UP_PATH = "/staff/set-up";

export function setUpLink(token: string): string {
  return absoluteUrl(`${SET_UP_PATH}?token=${token}`);
}

type StaffEmail = { to: string; subject: string; lines: string[] };

/** Sends when SMTP_URL is set; true when sent. A failure is logged (never the link) and reported. */
export async function sendStaffEmail(email: StaffEmail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (!SMTP_URL) return false;
  try {
    await smtpSender(SMTP_URL)({
      from: MAIL_FROM,
      to: headerValue("To", email.to),
      subject: email.subject,
      text: `${email.lines.join("\n")}\n`,
    });
    return true;
  } catch (error) {
    logEvent("mail.failed", { action: `staff email: ${email.subject}`, error: errorLine(error) });
    return false;
  }
}

function linkEmail(account: StaffAccount, link: string, purpose: "invite" | "reset"): StaffEmail {
  const intro =
    purpose === "invite"
      ? `You have been given a staff account (${ROLE_LABELS[account.role]}) on ${siteUrl()}.`
      : `A new password was asked for your staff account on ${siteUrl()}.`;
  return {
    to: account.email,
    subject: purpose === "invite" ? "Your staff account" : "Choose a new staff password",
    lines: [
      account.name ? `Hello ${account.name},` : "Hello,",
      "",
      intro,
      `Open this link within ${TOKEN_HOURS} hours to choose your password (it works once):`,
      "",
      link,
      "",
      "If you did not expect this email, ignore it: nothing changes until the link is used.",
    ],
  };
}

export interface IssuedLink {
  account: StaffAccount;
  link: string;
  emailed: boolean;
}

export type InviteOutcome = ({ ok: true } & IssuedLink) | { ok: false; account: StaffAccount };

/** A new account (or a fresh link for one not yet set up), its link and, with SMTP, its email. */
export async function inviteStaff(
  db: Kysely<Database>,
  input: { email: string; role: Role; name?: string; now: Date },
): Promise<InviteOutcome> {
  const token = issueToken(input.now);
  const result = await inviteAccount(db, { ...input, token });
  if (!result.ok) return { ok: false, account: result.account };
  const link = setUpLink(token.token);
  const emailed = await sendStaffEmail(linkEmail(result.account, link, "invite"));
  return { ok: true, account: result.account, link, emailed };
}

async function issueFor(
  db: Kysely<Database>,
  account: StaffAccount,
  purpose: "invite" | "reset",
  store: (token: ReturnType<typeof issueToken>) => Promise<boolean>,
  now: Date,
): Promise<IssuedLink | null> {
  const token = issueToken(now);
  if (!(await store(token))) return null;
  const link = setUpLink(token.token);
  return { account, link, emailed: await sendStaffEmail(linkEmail(account, link, purpose)) };
}

/** The owner re-sends an invitation: a new link replaces the old one. */
export function resendStaffInvite(db: Kysely<Database>, account: StaffAccount, now: Date) {
  return issueFor(db, account, "invite", (t) => resendInvite(db, account.id, t, now), now);
}

/** The owner resets an account: its password and sessions end, a new link is made. */
export function resetStaffAccount(db: Kysely<Database>, account: StaffAccount, now: Date) {
  return issueFor(db, account, "reset", (t) => resetAccount(db, account.id, t, now), now);
}

/**
 * "Forgot password": emails a link to an active account. It returns nothing,
 * so the page answers the same whether the address has an account or not.
 */
export async function sendForgotPasswordLink(
  db: Kysely<Database>,
  email: string,
  now: Date,
): Promise<void> {
  const found = await findAccountForSignIn(db, email);
  if (found?.state !== "active") return;
  await issueFor(db, found, "reset", (t) => requestPasswordReset(db, found.id, t, now), now);
}

/** The person behind an account that was just locked hears of it (when email is on). */
export async function tellAccountLocked(account: StaffAccount): Promise<void> {
  await sendStaffEmail({
    to: account.email,
    subject: "Staff sign-in locked for a while",
    lines: [
      account.name ? `Hello ${account.name},` : "Hello,",
      "",
      `After ${LOCKOUT_ATTEMPTS} wrong passwords, sign-in to your staff account on ${siteUrl()} is locked for ${LOCKOUT_MINUTES} minutes.`,
      "If that was you, wait and try again. If it was not, someone may be guessing your password: tell the clinic's site owner.",
    ],
  });
}
