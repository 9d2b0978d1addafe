/*
 * What the two-step forms say, once: the server actions return these and the
 * pages show them. Browser-safe (the passkey buttons read them too).
 */
export const TWO_STEP_MESSAGES = {
  "code-wrong":
    "That code did not match. Enter the 6 digits your authenticator app shows now for this site, or one of your recovery codes.",
  locked:
    "Too many wrong codes or passwords. Sign-in is locked for up to 15 minutes; please wait and try again.",
  "setup-code-wrong":
    "That code did not match the key above. Enter the 6 digits your app shows now for this site; if it shows none, add the key again.",
  "setup-gone": "That set-up was replaced or has finished. Start again below.",
  "passkey-failed":
    "The passkey was not accepted. Try again, or sign in with your password and a code.",
  "passkey-busy":
    "Too many passkey sign-ins were started in the last few minutes. Wait a few minutes, or sign in with your password and a code.",
  "passkey-not-added": "The passkey was not added. Try again, or use another device.",
  "passkey-name": "Give the passkey a name of up to 60 characters, such as “Front desk laptop”.",
} as const;
export type TwoStepMessage = keyof typeof TWO_STEP_MESSAGES;

/** What /staff/security says after a form that answers with a redirect (?notice=…). */
export const SECURITY_NOTICES = {
  "passkey-removed": { tone: "success", text: "The passkey was removed. It no longer signs in." },
  "required-on": {
    tone: "success",
    text: "Two-step sign-in is required for every account again.",
  },
  "required-off": {
    tone: "success",
    text: "Two-step sign-in is no longer required. Accounts that set it up keep using it.",
  },
  "confirm-off": {
    tone: "error",
    text: "The requirement is still on. To turn it off, tick the box that says you understand what it costs.",
  },
  "save-failed": {
    tone: "error",
    text: "Nothing changed: the site could not save to its database just now. Try again in a few minutes.",
  },
} as const satisfies Record<string, { tone: "success" | "error"; text: string }>;
export type SecurityNotice = keyof typeof SECURITY_NOTICES;

export function isSecurityNotice(value: unknown): value is SecurityNotice {
  return typeof value === "string" && Object.hasOwn(SECURITY_NOTICES, value);
}

/** The longest passkey name kept (the form's maxLength and the server's cut). */
export const PASSKEY_NAME_MAX = 60;
