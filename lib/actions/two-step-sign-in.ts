"use server";

import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientHash } from "@/lib/client-hash";
import { getDb } from "@/lib/db/client";
import { getAccount, recordSignIn } from "@/lib/db/staff-accounts";
import { promoteSession } from "@/lib/db/staff-sessions";
import { audit } from "@/lib/staff/audit";
import { endStaffSession, getPendingSession, startStaffSession } from "@/lib/staff/auth";
import { finishPasskeySignIn, passkeySignInOptions } from "@/lib/staff/passkeys";
import { requestLog } from "@/lib/request-log";
import { saveFailed } from "@/lib/staff/save-failure";
import { completeSecondStep } from "@/lib/staff/second-step";
import { shortenUserAgent } from "@/lib/staff/session";
import { TWO_STEP_MESSAGES } from "@/lib/validations/two-step-messages";

/*
 * Finishing a sign-in: the code after a password (/staff/two-step, works
 * without JavaScript), or a passkey, which replaces password and code on the
 * sign-in page and can also stand in for the code on /staff/two-step.
 */
export interface SecondStepState {
  answer: number;
  error?: string;
  /** What was typed, kept when it is refused. */
  code?: string;
}

export async function secondStepAction(
  previous: SecondStepState,
  formData: FormData,
): Promise<SecondStepState> {
  const log = await requestLog();
  const session = await getPendingSession();
  if (!session) redirect("/staff");
  if (session.stage !== "two-step") redirect("/staff/two-step");
  const code = String(formData.get("code") ?? "").slice(0, 40);
  const answer = previous.answer + 1;
  let verdict;
  try {
    const context = { clientHash: clientHash(await headers()), now: new Date() };
    verdict = await completeSecondStep(await getDb(), session, code, context);
  } catch (error) {
    return { answer, code, error: saveFailed(error, "Sign-in not possible", "Your code is kept.") };
  }
  const subject = `account ${session.accountId}`;
  if (verdict === "ok") {
    log("staff.signin.ok", { outcome: "second step", subject });
    redirect("/staff");
  }
  const problem = verdict === "locked" ? "locked" : "code-wrong";
  log("staff.signin.refused", { outcome: `second step ${problem}`, subject });
  return { answer, code, error: TWO_STEP_MESSAGES[problem] };
}

export async function passkeySignInOptionsAction() {
  const started = await passkeySignInOptions(await getDb(), new Date());
  return started === "busy"
    ? { ok: false as const, message: TWO_STEP_MESSAGES["passkey-busy"] }
    : { ok: true as const, ...started };
}

// The answer itself is checked by @simplewebauthn/server; here only its envelope.
const answerSchema = z.object({
  challengeId: z.string().max(100),
  response: z.looseObject({ id: z.string().max(1400), type: z.literal("public-key") }),
});

export async function finishPasskeySignInAction(
  input: unknown,
): Promise<{ ok: true; next: string } | { ok: false; message: string }> {
  const log = await requestLog();
  const refused = { ok: false as const, message: TWO_STEP_MESSAGES["passkey-failed"] };
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) {
    log("staff.signin.refused", { outcome: "passkey invalid" });
    return refused;
  }
  const now = new Date();
  try {
    const db = await getDb();
    const h = await headers();
    const result = await finishPasskeySignIn(
      db,
      {
        challengeId: parsed.data.challengeId,
        response: parsed.data.response as unknown as AuthenticationResponseJSON,
      },
      now,
    );
    const account = result.ok ? await getAccount(db, result.value.accountId) : undefined;
    if (!account || account.state !== "active") {
      const object = account ? { type: "account" as const, id: account.id } : undefined;
      await audit("sign-in-failed", object, { method: "passkey" }, { actor: null });
      log("staff.signin.refused", {
        outcome: "passkey",
        subject: object && `account ${object.id}`,
      });
      return refused;
    }
    // A passkey on /staff/two-step finishes the sign-in begun with the password.
    const pending = await getPendingSession();
    const device = shortenUserAgent(h.get("user-agent"));
    if (pending?.accountId === account.id) await promoteSession(db, pending.nonce, now);
    else {
      const context = { clientHash: clientHash(h), userAgent: device, now };
      await startStaffSession(db, account.id, "full", context);
    }
    await recordSignIn(db, account.id, now);
    await audit(
      "signed-in",
      { type: "account", id: account.id },
      { method: "passkey", device },
      { actor: { accountId: account.id, name: account.name || account.email } },
    );
    log("staff.signin.ok", { outcome: "passkey", subject: `account ${account.id}` });
    return { ok: true, next: "/staff" };
  } catch (error) {
    log("staff.signin.refused", { outcome: "unavailable" });
    return { ok: false, message: saveFailed(error, "Sign-in not possible", "") };
  }
}

/** Leaves a half-finished sign-in: the session ends on the server too. */
export async function endStaffSessionAction(): Promise<void> {
  await endStaffSession();
  redirect("/staff");
}
