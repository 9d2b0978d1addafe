import { z } from "zod";
import { ROLES } from "./permissions";
import { EMAIL_MAX, NAME_MAX } from "./staff-sign-in";

/*
 * The owner's accounts page and everyone's sessions page: the invite form's
 * questions and messages, what each button may not do to one's own account,
 * and the notices the pages show after a form that answers with a redirect.
 * Browser-safe: the forms (client components, for useActionState) and the
 * actions read the same words. Every message names its field and says what
 * to write.
 */
export const INVITE_FIELDS = {
  email: "Email address",
  name: "Name",
  role: "Role",
} as const;
export type InviteField = keyof typeof INVITE_FIELDS;

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, `${INVITE_FIELDS.email}: write the person's email address, such as sam@example.com`)
    .max(EMAIL_MAX, `${INVITE_FIELDS.email}: write at most ${EMAIL_MAX} characters`)
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      `${INVITE_FIELDS.email}: write a whole address with an @ and a domain, such as sam@example.com`,
    ),
  name: z
    .string()
    .trim()
    .max(NAME_MAX, `${INVITE_FIELDS.name}: write at most ${NAME_MAX} characters`)
    .optional()
    .transform((name) => name || undefined),
  role: z.enum(ROLES, {
    error: `${INVITE_FIELDS.role}: choose one of the roles listed (Owner, Practitioner, Front desk or Editor)`,
  }),
});

/** The account a per-account button acts on. */
export const accountSchema = z.object({ account: z.string().trim().min(1).max(100) });
export const roleChangeSchema = accountSchema.extend({ role: z.enum(ROLES) });
export const sessionSchema = z.object({ session: z.string().trim().min(1).max(100) });

/** What the invite, re-send and reset forms answer: the link is shown once, here and nowhere else. */
export interface LinkState {
  answer: number;
  /** The one-time set-up link, for the owner to hand over. */
  link?: string;
  emailed?: boolean;
  /** How many hours the link works. */
  hours?: number;
  /** Whom the link is for. */
  email?: string;
  error?: string;
  /** The invite form's typing, handed back when it is refused. */
  values?: { email?: string; name?: string; role?: string };
  errors?: Partial<Record<InviteField, string>>;
}

/** The first message per field, for the invite form and its error summary. */
export function inviteErrors(error: z.ZodError): Partial<Record<InviteField, string>> {
  const errors: Partial<Record<InviteField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && field in INVITE_FIELDS && !errors[field as InviteField]) {
      errors[field as InviteField] = issue.message;
    }
  }
  return errors;
}

/** What a person may not do to their own account on the accounts page, and why. */
export type OwnAccountChange = "disable" | "reset" | "role" | "end-sessions";

export const OWN_ACCOUNT_REFUSALS: Record<OwnAccountChange, string> = {
  disable:
    "You cannot disable your own account: nobody could sign you back in. Another owner can disable it.",
  reset:
    "You cannot reset your own account here: you would be signed out with no password. Change it with “Forgot password” on the sign-in page, or ask another owner.",
  role: "You cannot change your own role: another owner can. This keeps an owner from locking themselves out by mistake.",
  "end-sessions":
    "Your own sessions are ended from “Your sessions”, which keeps the one you are using.",
};

/** Refused whatever the buttons showed: the acting person is the account itself. */
export function ownAccountRefusal(
  actorAccountId: string,
  accountId: string,
  change: OwnAccountChange,
): string | undefined {
  return actorAccountId === accountId ? OWN_ACCOUNT_REFUSALS[change] : undefined;
}

/** After a form that answers with a redirect: ?notice=…&account=… on /staff/accounts. */
export const ACCOUNT_NOTICES = {
  revoked: { tone: "success", text: "The invitation was withdrawn: its link no longer works." },
  disabled: {
    tone: "success",
    text: "The account is disabled: it cannot sign in, and its open sessions end at their next click.",
  },
  enabled: { tone: "success", text: "The account is enabled again." },
  "enabled-invited": {
    tone: "success",
    text: "The account is enabled again. It never set a password: re-send its invitation.",
  },
  "role-changed": {
    tone: "success",
    text: "The role was changed. It applies from the account's next click.",
  },
  "role-unchanged": { tone: "success", text: "The account already had that role." },
  "sessions-ended": {
    tone: "success",
    text: "Every session of the account was ended: it is signed out everywhere at its next click.",
  },
  "no-sessions": { tone: "success", text: "The account had no open session." },
  "last-owner": {
    tone: "error",
    text: "Not changed: this is the only active owner. Invite or promote another owner first, so someone can still manage accounts.",
  },
  "own-disable": { tone: "error", text: OWN_ACCOUNT_REFUSALS.disable },
  "own-role": { tone: "error", text: OWN_ACCOUNT_REFUSALS.role },
  "own-end-sessions": { tone: "error", text: OWN_ACCOUNT_REFUSALS["end-sessions"] },
  "not-found": {
    tone: "error",
    text: "Not changed: that account is gone or already in that state. The list below is current.",
  },
  "save-failed": {
    tone: "error",
    text: "Nothing changed: the site could not save to its database just now. Try again in a few minutes.",
  },
} as const satisfies Record<string, { tone: "success" | "error"; text: string }>;
export type AccountNotice = keyof typeof ACCOUNT_NOTICES;

export const SESSION_NOTICES = {
  ended: { tone: "success", text: "That session was ended: it is signed out at its next click." },
  "others-ended": {
    tone: "success",
    text: "Every other session was ended: only this device is still signed in.",
  },
  "none-ended": { tone: "success", text: "There was no other session to end." },
  "this-session": {
    tone: "error",
    text: "This is the session you are using: to end it, sign out.",
  },
  "save-failed": ACCOUNT_NOTICES["save-failed"],
} as const satisfies Record<string, { tone: "success" | "error"; text: string }>;
export type SessionNotice = keyof typeof SESSION_NOTICES;

export function isAccountNotice(value: unknown): value is AccountNotice {
  return typeof value === "string" && Object.hasOwn(ACCOUNT_NOTICES, value);
}

export function isSessionNotice(value: unknown): value is SessionNotice {
  return typeof value === "string" && Object.hasOwn(SESSION_NOTICES, value);
}
