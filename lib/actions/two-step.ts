"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { getClinic } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { removePasskey } from "@/lib/db/staff-passkeys";
import { setTwoStepRequired } from "@/lib/db/staff-settings";
import { promoteSession } from "@/lib/db/staff-sessions";
import { getStaffActor } from "@/lib/staff/actor";
import { requireAction } from "@/lib/staff/guard";
import { getPendingSession } from "@/lib/staff/auth";
import { audit } from "@/lib/staff/audit";
import { finishPasskeyRegistration, passkeyRegistrationOptions } from "@/lib/staff/passkeys";
import { issueRecoveryCodes } from "@/lib/staff/recovery-codes";
import { saveFailed } from "@/lib/staff/save-failure";
import { beginTotpSetup, confirmTotpSetup, hasTotp } from "@/lib/staff/totp";
import {
  PASSKEY_NAME_MAX,
  TWO_STEP_MESSAGES,
  type TwoStepMessage,
} from "@/lib/validations/two-step-messages";

/*
 * The signed-in person's own two-step methods (/staff/security) and the
 * owner's requirement switch. Forms post here with or without JavaScript;
 * only adding a passkey needs it (the browser's WebAuthn API).
 */

/**
 * Who is setting up an app: the signed-in person on /staff/security, or, on
 * /staff/two-step, someone whose password was right but who must set up
 * two-step sign-in before anything opens ("enrol"). Audit entries name them
 * explicitly, since a session still enrolling gives no StaffActor.
 */
async function setUpSubject() {
  const actor = await getStaffActor();
  if (actor) return { accountId: actor.accountId, name: actor.name, enrolling: null };
  const pending = await getPendingSession();
  if (pending?.stage !== "enrol") redirect("/staff");
  const name = pending.account.name || pending.account.email;
  return { accountId: pending.accountId, name, enrolling: pending.nonce };
}

const changed = (who: { accountId: string; name: string }, change: string) =>
  audit("two-step-changed", { type: "account", id: who.accountId }, { change }, { actor: who });

/** What the authenticator form shows after a post: recovery codes once, or what went wrong. */
export interface AuthenticatorState {
  answer: number;
  codes?: string[];
  error?: string;
  /** The code as typed, so a refused one is not lost. */
  code?: string;
  /** An enrolling sign-in has its app: the codes are shown with the way on (finishEnrolAction). */
  enrolled?: boolean;
}

function answered(
  previous: AuthenticatorState,
  rest: Omit<AuthenticatorState, "answer">,
): AuthenticatorState {
  // The page around the form shows the new state (app in use, codes left) too.
  revalidatePath("/staff/security");
  revalidatePath("/staff/two-step");
  return { answer: previous.answer + 1, ...rest };
}

function failed(error: unknown, previous: AuthenticatorState): AuthenticatorState {
  const message = saveFailed(error, "Not saved", "Nothing changed.");
  return answered(previous, { error: message });
}

export async function startTotpSetupAction(): Promise<void> {
  const who = await setUpSubject();
  const page = who.enrolling ? "/staff/two-step" : "/staff/security";
  try {
    await beginTotpSetup(await getDb(), who.accountId, new Date());
  } catch (error) {
    saveFailed(error, "An authenticator set-up was not started");
    redirect(`${page}?notice=save-failed`);
  }
  // Same path, new hash: without revalidating, the router would only scroll.
  revalidatePath(page);
  redirect(`${page}#authenticator`);
}

/**
 * The two things that answer with recovery codes, shown once: confirming an
 * app (the first time: a new set; replacing an app keeps the set) and asking
 * for a new set.
 */
export async function authenticatorAction(
  previous: AuthenticatorState,
  formData: FormData,
): Promise<AuthenticatorState> {
  const who = await setUpSubject();
  const intent = formData.get("intent");
  const db = await getDb();
  const now = new Date();
  try {
    if (intent === "regenerate" && !who.enrolling) {
      const codes = await issueRecoveryCodes(db, who.accountId, now);
      await changed(who, "new recovery codes");
      return answered(previous, { codes });
    }
    const code = String(formData.get("code") ?? "").slice(0, 40);
    const replacing = await hasTotp(db, who.accountId);
    if (!(await confirmTotpSetup(db, who.accountId, code, now))) {
      return answered(previous, { error: TWO_STEP_MESSAGES["setup-code-wrong"], code });
    }
    await changed(who, replacing ? "authenticator app replaced" : "authenticator app set up");
    if (replacing) return answered(previous, {});
    const codes = await issueRecoveryCodes(db, who.accountId, now);
    // Enrolling, the codes are shown with a button on: the staff area opens after they are seen.
    return answered(previous, { codes, enrolled: Boolean(who.enrolling) });
  } catch (error) {
    return failed(error, previous);
  }
}

/** After enrolling: the app now confirmed is the second step this sign-in owed. */
export async function finishEnrolAction(): Promise<void> {
  const pending = await getPendingSession();
  if (pending?.stage === "enrol" && (await hasTotp(await getDb(), pending.accountId))) {
    await promoteSession(await getDb(), pending.nonce, new Date());
  }
  redirect("/staff");
}

export async function passkeyRegistrationOptionsAction() {
  const actor = await requireAction("passkeyRegistrationOptionsAction");
  const clinic = await getClinic();
  return passkeyRegistrationOptions(
    await getDb(),
    { id: actor.accountId, email: actor.email || actor.name, name: actor.name },
    clinic.name,
    new Date(),
  );
}

// The browser's answer is checked by @simplewebauthn/server; here only its envelope.
const registrationSchema = z.object({
  challengeId: z.string().max(100),
  name: z.string().trim().min(1).max(PASSKEY_NAME_MAX),
  response: z.looseObject({ id: z.string().max(1400), type: z.literal("public-key") }),
});

export async function finishPasskeyRegistrationAction(
  input: unknown,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const actor = await requireAction("finishPasskeyRegistrationAction");
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const nameWrong = parsed.error.issues.some((issue) => issue.path[0] === "name");
    return {
      ok: false,
      message: TWO_STEP_MESSAGES[nameWrong ? "passkey-name" : "passkey-not-added"],
    };
  }
  try {
    const result = await finishPasskeyRegistration(
      await getDb(),
      actor.accountId,
      { ...parsed.data, response: parsed.data.response as unknown as RegistrationResponseJSON },
      new Date(),
    );
    if (!result.ok) return { ok: false, message: TWO_STEP_MESSAGES["passkey-not-added"] };
    await audit(
      "two-step-changed",
      { type: "account", id: actor.accountId },
      {
        change: "passkey added",
      },
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, message: saveFailed(error, "The passkey was not added", "") };
  }
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  const actor = await requireAction("removePasskeyAction");
  const id = String(formData.get("id") ?? "").slice(0, 1400);
  let removed = false;
  try {
    removed = await removePasskey(await getDb(), actor.accountId, id);
  } catch (error) {
    saveFailed(error, "A passkey was not removed");
    redirect("/staff/security?notice=save-failed#passkeys");
  }
  revalidatePath("/staff/security");
  if (removed) {
    await audit(
      "two-step-changed",
      { type: "account", id: actor.accountId },
      {
        change: "passkey removed",
      },
    );
  }
  redirect("/staff/security?notice=passkey-removed#passkeys");
}

/** Owner only. Turning it off needs the box ticked that says what it costs. */
export async function setTwoStepRequirementAction(formData: FormData): Promise<void> {
  const actor = await requireAction("setTwoStepRequirementAction");
  const required = formData.get("required") === "on";
  if (!required && formData.get("understood") !== "yes") {
    redirect("/staff/security?notice=confirm-off#requirement");
  }
  try {
    await setTwoStepRequired(await getDb(), required, new Date());
  } catch (error) {
    saveFailed(error, "The two-step requirement was not changed");
    redirect("/staff/security?notice=save-failed#requirement");
  }
  await audit(
    "two-step-changed",
    { type: "account", id: actor.accountId },
    {
      change: required ? "requirement turned on" : "requirement turned off",
    },
  );
  redirect(`/staff/security?notice=${required ? "required-on" : "required-off"}#requirement`);
}

export type { TwoStepMessage };
