"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import {
  changeRole,
  disableAccount,
  enableAccount,
  getAccount,
  isLastActiveOwner,
  revokeInvite,
} from "@/lib/db/staff-accounts";
import { endAccountSessions } from "@/lib/db/staff-sessions";
import { formFields, staffFormAction, staffStateAction } from "@/lib/staff/action-client";
import { inviteStaff, resendStaffInvite, resetStaffAccount } from "@/lib/staff/account-links";
import { ROLE_LABELS } from "@/lib/validations/permissions";
import { saveFailed } from "@/lib/staff/save-failure";
import { TOKEN_HOURS } from "@/lib/staff/tokens";
import {
  accountSchema,
  INVITE_FIELDS,
  inviteErrors,
  inviteSchema,
  ownAccountRefusal,
  roleChangeSchema,
  type AccountNotice,
  type LinkState,
} from "@/lib/validations/staff-accounts";

/*
 * The owner's accounts page (/staff/accounts). Every action goes through the
 * action client (permission accounts.manage, from the endpoint catalogue) and
 * queues its audit entry. The three that make a set-up link (invite, re-send,
 * reset) answer with the link in their state, so it is shown once on the page
 * and never travels in a URL; the others answer with a redirect and a notice,
 * so every form works without JavaScript.
 */
const PAGE = "/staff/accounts";

/** Back to the accounts page, at the account acted on, with what happened. */
function backTo(notice: AccountNotice, accountId?: string): never {
  revalidatePath(PAGE);
  const at = accountId ? `&account=${encodeURIComponent(accountId)}` : "";
  redirect(`${PAGE}?notice=${notice}${at}`);
}

const next = (previous: LinkState | undefined) => (Number(previous?.answer) || 0) + 1;

const typed = (raw: Record<string, unknown>) => ({
  email: String(raw.email ?? "").slice(0, 400),
  name: String(raw.name ?? "").slice(0, 200),
  role: String(raw.role ?? ""),
});

const linkFailed =
  (what: string) =>
  (error: unknown, raw: unknown, previous: LinkState): LinkState => ({
    answer: next(previous),
    error: saveFailed(error, what, "Nothing changed."),
    values: typed(raw as Record<string, unknown>),
  });

export const inviteStaffAction = staffStateAction({
  endpoint: "inviteStaffAction",
  read: formFields(["email", "name", "role"]),
  schema: inviteSchema,
  invalid: (error: z.ZodError, raw, previous: LinkState): LinkState => ({
    answer: next(previous),
    values: typed(raw),
    errors: inviteErrors(error),
  }),
  run: async ({ input, raw, previous, db, now, record }): Promise<LinkState> => {
    const outcome = await inviteStaff(db, { ...input, now });
    if (!outcome.ok) {
      const state = outcome.account.state === "disabled" ? "a disabled" : "an";
      return {
        answer: next(previous),
        values: typed(raw),
        errors: {
          email: `${INVITE_FIELDS.email}: ${outcome.account.email} already has ${state} account (listed below). Write another address, or manage that account below.`,
        },
      };
    }
    record({
      event: "account-invited",
      object: { type: "account", id: outcome.account.id },
      detail: { accountEmail: outcome.account.email, role: ROLE_LABELS[input.role] },
    });
    revalidatePath(PAGE);
    return {
      answer: next(previous),
      link: outcome.link,
      emailed: outcome.emailed,
      hours: TOKEN_HOURS,
      email: outcome.account.email,
    };
  },
  failed: linkFailed("Nobody was invited"),
});

export const resendInviteAction = staffStateAction({
  endpoint: "resendInviteAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: (): LinkState => backTo("not-found"),
  run: async ({ input, previous, db, now, record }): Promise<LinkState> => {
    const account = await getAccount(db, input.account);
    const issued = account && (await resendStaffInvite(db, account, now));
    if (!issued) backTo("not-found");
    record({
      event: "account-invited",
      object: { type: "account", id: issued.account.id },
      detail: { accountEmail: issued.account.email, change: "invitation re-sent" },
    });
    revalidatePath(PAGE);
    return {
      answer: next(previous),
      link: issued.link,
      emailed: issued.emailed,
      hours: TOKEN_HOURS,
      email: issued.account.email,
    };
  },
  failed: linkFailed("The invitation was not re-sent"),
});

export const resetAccountAction = staffStateAction({
  endpoint: "resetAccountAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: (): LinkState => backTo("not-found"),
  run: async ({ input, previous, actor, db, now, record }): Promise<LinkState> => {
    const refusal = ownAccountRefusal(actor.accountId, input.account, "reset");
    if (refusal) return { answer: next(previous), error: refusal };
    const account = await getAccount(db, input.account);
    const issued = account && (await resetStaffAccount(db, account, now));
    if (!issued) {
      return {
        answer: next(previous),
        error:
          "Not reset: only an active account can be reset. For an invitation, re-send it; for a disabled account, enable it first.",
      };
    }
    record({
      event: "account-reset",
      object: { type: "account", id: issued.account.id },
      detail: { accountEmail: issued.account.email },
    });
    revalidatePath(PAGE);
    return {
      answer: next(previous),
      link: issued.link,
      emailed: issued.emailed,
      hours: TOKEN_HOURS,
      email: issued.account.email,
    };
  },
  failed: linkFailed("The account was not reset"),
});

/** The redirecting actions' shared answer to a save that failed. */
function redirectFailed(what: string) {
  return (error: unknown, raw: Record<string, unknown>): never => {
    saveFailed(error, what);
    const account = accountSchema.safeParse(raw);
    return backTo("save-failed", account.success ? account.data.account : undefined);
  };
}

export const revokeInviteAction = staffFormAction({
  endpoint: "revokeInviteAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: () => backTo("not-found"),
  run: async ({ input, db, record }) => {
    const account = await getAccount(db, input.account);
    if (!account || !(await revokeInvite(db, input.account))) backTo("not-found");
    record({
      event: "account-changed",
      object: { type: "account", id: account.id },
      detail: { accountEmail: account.email, change: "invitation withdrawn" },
    });
    backTo("revoked");
  },
  failed: redirectFailed("The invitation was not withdrawn"),
});

export const disableAccountAction = staffFormAction({
  endpoint: "disableAccountAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: () => backTo("not-found"),
  run: async ({ input, actor, db, now, record }) => {
    if (ownAccountRefusal(actor.accountId, input.account, "disable")) {
      // The sole owner hears the reason that matters most: nobody would be left to manage accounts.
      const last = await isLastActiveOwner(db, input.account);
      backTo(last ? "last-owner" : "own-disable", input.account);
    }
    const account = await getAccount(db, input.account);
    const outcome = account ? await disableAccount(db, input.account, now) : "not-found";
    if (outcome !== "ok" || !account) backTo(outcome === "ok" ? "not-found" : outcome);
    record({
      event: "account-disabled",
      object: { type: "account", id: account.id },
      detail: { accountEmail: account.email },
    });
    backTo("disabled", account.id);
  },
  failed: redirectFailed("The account was not disabled"),
});

export const enableAccountAction = staffFormAction({
  endpoint: "enableAccountAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: () => backTo("not-found"),
  run: async ({ input, db, now, record }) => {
    if (!(await enableAccount(db, input.account, now))) backTo("not-found");
    const account = await getAccount(db, input.account);
    if (!account) backTo("not-found");
    record({
      event: "account-changed",
      object: { type: "account", id: account.id },
      detail: { accountEmail: account.email, change: "enabled" },
    });
    backTo(account.state === "invited" ? "enabled-invited" : "enabled", account.id);
  },
  failed: redirectFailed("The account was not enabled"),
});

export const changeRoleAction = staffFormAction({
  endpoint: "changeRoleAction",
  read: formFields(["account", "role"]),
  schema: roleChangeSchema,
  invalid: () => backTo("not-found"),
  run: async ({ input, actor, db, now, record }) => {
    if (ownAccountRefusal(actor.accountId, input.account, "role")) {
      const last = await isLastActiveOwner(db, input.account);
      backTo(last ? "last-owner" : "own-role", input.account);
    }
    const account = await getAccount(db, input.account);
    if (!account) backTo("not-found");
    if (account.role === input.role) backTo("role-unchanged", account.id);
    const outcome = await changeRole(db, account.id, input.role, now);
    if (outcome !== "ok") backTo(outcome, account.id);
    record({
      event: "role-changed",
      object: { type: "account", id: account.id },
      detail: {
        accountEmail: account.email,
        from: ROLE_LABELS[account.role],
        to: ROLE_LABELS[input.role],
      },
    });
    backTo("role-changed", account.id);
  },
  failed: redirectFailed("The role was not changed"),
});

export const endAccountSessionsAction = staffFormAction({
  endpoint: "endAccountSessionsAction",
  read: formFields(["account"]),
  schema: accountSchema,
  invalid: () => backTo("not-found"),
  run: async ({ input, actor, db, now, record }) => {
    if (ownAccountRefusal(actor.accountId, input.account, "end-sessions")) {
      backTo("own-end-sessions", input.account);
    }
    const account = await getAccount(db, input.account);
    if (!account) backTo("not-found");
    const ended = await endAccountSessions(db, account.id, "ended-by-owner", now);
    if (ended === 0) backTo("no-sessions", account.id);
    record({
      event: "session-ended",
      object: { type: "account", id: account.id },
      detail: {
        accountEmail: account.email,
        change: ended === 1 ? "1 session ended" : `${ended} sessions ended`,
      },
    });
    backTo("sessions-ended", account.id);
  },
  failed: redirectFailed("The sessions were not ended"),
});
