import Link from "next/link";
import type { ListedAccount } from "@/lib/db/staff-accounts";
import {
  changeRoleAction,
  disableAccountAction,
  enableAccountAction,
  endAccountSessionsAction,
  resendInviteAction,
  resetAccountAction,
  revokeInviteAction,
} from "@/lib/actions/staff-accounts";
import { formatDateTime } from "@/lib/staff/format";
import { ROLE_LABELS, ROLES } from "@/lib/validations/permissions";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { SelectField } from "@/components/ui/fields";
import { AccountLinkForm } from "./account-link-form";

/*
 * Every account: a table of who is who from tablet width up, and one card per
 * account (read top to bottom on a phone) with what the owner can do to it.
 * Buttons that would act on the owner's own account are not shown; the
 * actions refuse them anyway (lib/validations/staff-accounts.ts).
 */
export const STATE_LABELS: Record<ListedAccount["state"], string> = {
  invited: "Invited",
  active: "Active",
  disabled: "Disabled",
};

const cell = "border-b border-line px-3 py-2 text-left align-top";
export const accountAnchor = (id: string) => `account-${id}`;
const who = (account: ListedAccount) => account.name || account.email;

interface Props {
  accounts: ListedAccount[];
  /** Open sessions per account id. */
  openSessions: ReadonlyMap<string, number>;
  selfId: string;
  timeZone: string;
}

export function AccountList({ accounts, openSessions, selfId, timeZone }: Props) {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "Never");
  return (
    <section aria-labelledby="people" className="mt-10 space-y-4">
      <h2 id="people" className="text-2xl font-semibold">
        People with an account
      </h2>
      <div className="hidden sm:block">
        <div role="region" aria-label="Staff accounts" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse">
            <caption className="sr-only">Staff accounts</caption>
            <thead>
              <tr>
                {["Name", "Email", "Role", "State", "Last sign-in", "Created"].map((label) => (
                  <th key={label} scope="col" className={cell}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row" className={`${cell} wrap-anywhere`}>
                    <a href={`#${accountAnchor(account.id)}`}>
                      <bdi>{account.name || "(no name yet)"}</bdi>
                    </a>
                    {account.id === selfId ? " (you)" : null}
                  </th>
                  <td className={`${cell} wrap-anywhere`}>{account.email}</td>
                  <td className={cell}>{ROLE_LABELS[account.role]}</td>
                  <td className={cell}>{STATE_LABELS[account.state]}</td>
                  <td className={cell}>{when(account.lastSignInAt)}</td>
                  <td className={cell}>{when(account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <ul aria-label="Manage each account" className="space-y-4">
        {accounts.map((account) => (
          <li
            key={account.id}
            id={accountAnchor(account.id)}
            aria-labelledby={`${accountAnchor(account.id)}-name`}
            className="space-y-3 rounded-md border border-line p-4 wrap-anywhere"
          >
            <h3 id={`${accountAnchor(account.id)}-name`} className="text-xl font-semibold">
              <bdi>{who(account)}</bdi>
              {account.id === selfId ? " (you)" : null}
            </h3>
            <p>
              {account.email} · {ROLE_LABELS[account.role]} · {STATE_LABELS[account.state]}
            </p>
            <p className="text-ink-muted">
              Last sign-in: {when(account.lastSignInAt)} · Created: {when(account.createdAt)}
              {account.linkExpiresAt
                ? ` · ${account.linkPurpose === "reset" ? "Reset" : "Invitation"} link works until ${when(account.linkExpiresAt)}`
                : ""}
            </p>
            {account.id === selfId ? (
              <p>
                This is your own account: another owner manages it. Your sign-ins are on{" "}
                <Link href="/staff/sessions">Your sessions</Link>.
              </p>
            ) : (
              <AccountActions account={account} sessions={openSessions.get(account.id) ?? 0} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AccountActions({ account, sessions }: { account: ListedAccount; sessions: number }) {
  const name = who(account);
  const hidden = <input type="hidden" name="account" value={account.id} />;
  if (account.state === "disabled") {
    return (
      <form action={enableAccountAction}>
        {hidden}
        <button type="submit" className={secondaryButtonClass}>
          Enable {name}
        </button>
      </form>
    );
  }
  return (
    <div className="space-y-4">
      <form action={changeRoleAction} className="flex flex-wrap items-end gap-3">
        {hidden}
        <SelectField
          name="role"
          id={`field-role-${account.id}`}
          label={`Role of ${name}`}
          options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          selectProps={{ defaultValue: account.role }}
        />
        <button type="submit" className={secondaryButtonClass}>
          Change role
        </button>
      </form>
      <div className="flex flex-wrap gap-3">
        {account.state === "invited" ? (
          <>
            <AccountLinkForm
              action={resendInviteAction}
              accountId={account.id}
              label={`Re-send invitation to ${name}`}
              what="New invitation link"
            />
            <form action={revokeInviteAction}>
              {hidden}
              <button type="submit" className={dangerButtonClass}>
                Withdraw invitation of {name}
              </button>
            </form>
          </>
        ) : (
          <>
            <AccountLinkForm
              action={resetAccountAction}
              accountId={account.id}
              label={`Reset ${name}`}
              what="Reset link made"
            />
            <form action={endAccountSessionsAction}>
              {hidden}
              <button type="submit" className={secondaryButtonClass}>
                End all sessions of {name} ({sessions} open)
              </button>
            </form>
            <form action={disableAccountAction}>
              {hidden}
              <button type="submit" className={dangerButtonClass}>
                Disable {name}
              </button>
            </form>
          </>
        )}
      </div>
      {account.state === "active" ? (
        <p className="text-ink-muted">
          Reset ends every session and the password, and makes a new set-up link. Disable locks the
          account out at its next click: what a leaver needs.
        </p>
      ) : null}
    </div>
  );
}
