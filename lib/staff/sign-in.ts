import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientHash } from "@/lib/client-hash";
import { getDb } from "@/lib/db/client";
import { findAccountForSignIn, findLink, recordSignIn, redeemLink } from "@/lib/db/staff-accounts";
import type { StaffAccount } from "@/lib/db/staff-accounts";
import type { SessionStage } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { requestLog } from "@/lib/request-log";
import {
  firstProblem,
  forgotFormSchema,
  setUpFormSchema,
  signInFormSchema,
  type ForgotState,
  type SetUpState,
  type SignInState,
} from "@/lib/validations/staff-sign-in";
import { sendForgotPasswordLink, tellAccountLocked } from "./account-links";
import { audit } from "./audit";
import { startStaffSession } from "./auth";
import { attemptAccountSignIn, isLockedOut, LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES } from "./lockout";
import { hashPassword, passwordProblem, spendVerifyTime, verifyPassword } from "./passwords";
import { saveFailed } from "./save-failure";
import { shortenUserAgent } from "./session";
import { tokenHashFromLink } from "./tokens";
import { stageAfterPassword } from "./two-step-gate";

/*
 * Signing in with an email and a password, setting a password from an
 * invitation or reset link, and asking for a reset link. The actions in
 * lib/actions/staff-sign-in.ts only pass the form here.
 */
export const SIGN_IN_MESSAGES = {
  // One answer for a wrong password, an unknown address and a locked account (see lockout.ts).
  wrong: `That email and password do not match an account that can sign in. Check both and try again. After ${LOCKOUT_ATTEMPTS} wrong attempts in ${LOCKOUT_MINUTES} minutes an account is locked for ${LOCKOUT_MINUTES} minutes.`,
  locked: `Too many wrong passwords from this device. Sign-in is locked for up to ${LOCKOUT_MINUTES} minutes; please wait and try again.`,
  unavailable:
    "Sign-in is not possible just now: the server cannot save to its database. Try again in a few minutes; if it keeps happening, tell whoever looks after the site.",
  linkGone:
    "This link has been used or has expired. Ask the clinic's site owner for a new one (or, if email is set up, use “Forgot your password?” on the sign-in page).",
} as const;

/** Where a session goes next: the staff area, or the second step it owes. */
export function afterPassword(stage: SessionStage): string {
  return stage === "full" ? "/staff" : "/staff/two-step";
}

async function requestContext(now: Date) {
  const h = await headers();
  return { clientHash: clientHash(h), userAgent: shortenUserAgent(h.get("user-agent")), now };
}

async function openSession(account: StaffAccount, now: Date): Promise<string> {
  const db = await getDb();
  const stage = await stageAfterPassword(db, account);
  const context = await requestContext(now);
  await startStaffSession(db, account.id, stage, context);
  await recordSignIn(db, account.id, now);
  await audit(
    "signed-in",
    { type: "account", id: account.id },
    { device: context.userAgent },
    { actor: { accountId: account.id, name: account.name || account.email } },
  );
  return afterPassword(stage);
}

export async function signInWithPassword(formData: FormData, answer: number): Promise<SignInState> {
  // The outcome and the account's id only: never the address or the password typed.
  const log = await requestLog();
  const typed = { email: String(formData.get("email") ?? "").slice(0, 300), answer };
  const parsed = signInFormSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
  });
  if (!parsed.success) {
    log("staff.signin.refused", { outcome: "invalid" });
    return { ...typed, problem: firstProblem(parsed.error) };
  }
  const { email, password } = parsed.data;
  const now = new Date();
  let next: string;
  try {
    const db = await getDb();
    const found = await findAccountForSignIn(db, email);
    const usable = found?.state === "active" && found.passwordHash ? found : undefined;
    const { clientHash: client } = await requestContext(now);
    const outcome = await attemptAccountSignIn(db, {
      client,
      account: usable?.id ?? null,
      now,
      // An unknown address, an invitation not yet used or a disabled account cost a check too.
      passwordIsRight: async () =>
        usable
          ? verifyPassword(usable.passwordHash!, password)
          : spendVerifyTime(password).then(() => false),
    });
    if (outcome.lockedAccount && usable) {
      await audit("locked", { type: "account", id: usable.id }, undefined, { actor: null });
      await tellAccountLocked(usable);
    }
    if (outcome.verdict !== "ok" || !usable) {
      await audit(
        "sign-in-failed",
        usable ? { type: "account", id: usable.id } : undefined,
        { attemptedEmail: email.slice(0, 200) },
        { actor: null },
      );
      const verdict = outcome.verdict === "locked" ? "locked" : "wrong";
      log("staff.signin.refused", { outcome: verdict, subject: usable && `account ${usable.id}` });
      return {
        ...typed,
        problem: {
          field: "form",
          message: SIGN_IN_MESSAGES[verdict],
        },
      };
    }
    next = await openSession(usable, now);
    log("staff.signin.ok", { outcome: next, subject: `account ${usable.id}` });
  } catch (error) {
    saveFailed(error, "Sign-in not possible");
    log("staff.signin.refused", { outcome: "unavailable" });
    return { ...typed, problem: { field: "form", message: SIGN_IN_MESSAGES.unavailable } };
  }
  redirect(next);
}

export async function setPasswordFromLink(formData: FormData, answer: number): Promise<SetUpState> {
  const typed = { name: String(formData.get("name") ?? "").slice(0, 200), answer };
  const parsed = setUpFormSchema.safeParse({
    token: formData.get("token") ?? "",
    name: formData.get("name") ?? "",
    password: formData.get("password") ?? "",
    confirm: formData.get("confirm") ?? "",
  });
  if (!parsed.success) return { ...typed, problem: firstProblem(parsed.error) };
  const { token, name, password } = parsed.data;
  const hash = tokenHashFromLink(token);
  const now = new Date();
  let next: string;
  try {
    const db = await getDb();
    const link = hash ? await findLink(db, hash, now) : undefined;
    if (!hash || !link)
      return { ...typed, problem: { field: "form", message: SIGN_IN_MESSAGES.linkGone } };
    const problem = passwordProblem(password, { email: link.account.email, name });
    if (problem) return { ...typed, problem: { field: "password", message: problem } };
    const account = await redeemLink(db, hash, {
      name,
      passwordHash: await hashPassword(password),
      now,
    });
    if (!account)
      return { ...typed, problem: { field: "form", message: SIGN_IN_MESSAGES.linkGone } };
    next = await openSession(account, now);
  } catch (error) {
    const kept = "Your name is kept below; type the password again.";
    return {
      ...typed,
      problem: { field: "form", message: saveFailed(error, "Nothing was saved", kept) },
    };
  }
  redirect(next);
}

/** The same answer whether the address has an account or not; the link goes only by email. */
export async function askForResetLink(formData: FormData, answer: number): Promise<ForgotState> {
  const typed = { email: String(formData.get("email") ?? "").slice(0, 300), answer };
  const parsed = forgotFormSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { ...typed, problem: firstProblem(parsed.error) };
  if (!getEnv().SMTP_URL) redirect("/staff/forgot-password");
  const now = new Date();
  try {
    const { clientHash: client } = await requestContext(now);
    const db = await getDb();
    // A device locked out of sign-in gets the same answer and no email.
    if (!(await isLockedOut(db, client, now))) {
      // Not awaited: the time an email takes would tell a known address from an unknown one.
      void sendForgotPasswordLink(db, parsed.data.email, now).catch((error: unknown) =>
        saveFailed(error, "A reset link was not sent"),
      );
    }
  } catch (error) {
    const kept = "Your email address is kept below.";
    return {
      ...typed,
      problem: { field: "form", message: saveFailed(error, "No link was sent", kept) },
    };
  }
  return { ...typed, sent: true };
}
