import { z } from "zod";

/*
 * The staff sign-in, set-up and forgotten-password forms: their schemas and
 * the state each action answers with. Browser-safe, so the forms (client
 * components, for useActionState) and the actions read the same words.
 * Every message names its field and says what to write.
 */
export const EMAIL_MAX = 254;
export const NAME_MAX = 80;

const email = z
  .string()
  .trim()
  .min(1, "Email: write the email address of your staff account")
  .max(EMAIL_MAX, `Email: write at most ${EMAIL_MAX} characters`);

export const signInFormSchema = z.object({
  email,
  password: z.string().min(1, "Password: write your password").max(1024, "Password: too long"),
});

export const setUpFormSchema = z
  .object({
    token: z.string().max(100),
    name: z
      .string()
      .trim()
      .min(1, "Your name: write the name your colleagues know you by")
      .max(NAME_MAX, `Your name: write at most ${NAME_MAX} characters`),
    password: z.string().max(1024, "Password: too long"),
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "Password again: it differs from the password above; type the same password twice",
  });

export const forgotFormSchema = z.object({ email });

/** Which field a message belongs to; "form" for what is about the whole form. */
export type FormProblem = { field: string; message: string };

export interface SignInState {
  email: string;
  problem?: FormProblem;
  /** Counts answers, so the same message twice is announced again. */
  answer?: number;
}

export interface SetUpState {
  name: string;
  problem?: FormProblem;
  answer?: number;
}

export interface ForgotState {
  email: string;
  sent?: boolean;
  problem?: FormProblem;
  answer?: number;
}

/** The first problem zod found, as the field it names and its message. */
export function firstProblem(error: z.ZodError): FormProblem {
  const issue = error.issues[0];
  return { field: String(issue?.path[0] ?? "form"), message: issue?.message ?? "Check the form" };
}
