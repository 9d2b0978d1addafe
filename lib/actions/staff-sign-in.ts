"use server";

import "server-only";
import { askForResetLink, setPasswordFromLink, signInWithPassword } from "@/lib/staff/sign-in";
import type { ForgotState, SetUpState, SignInState } from "@/lib/validations/staff-sign-in";

/*
 * The forms a signed-out person uses: sign-in, setting a password from a
 * link, asking for a reset link. With useActionState they answer with what
 * was typed (never the password) and the problem, with or without JavaScript.
 */
export async function staffSignInAction(previous: SignInState, formData: FormData) {
  return signInWithPassword(formData, (previous.answer ?? 0) + 1);
}

export async function staffSetUpAction(previous: SetUpState, formData: FormData) {
  return setPasswordFromLink(formData, (previous.answer ?? 0) + 1);
}

export async function forgotPasswordAction(previous: ForgotState, formData: FormData) {
  return askForResetLink(formData, (previous.answer ?? 0) + 1);
}
