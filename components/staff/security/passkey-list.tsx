import { removePasskeyAction } from "@/lib/actions/two-step";
import type { Passkey } from "@/lib/db/staff-passkeys";
import { formatDateTime } from "@/lib/staff/format";
import { PASSKEY_NAME_MAX } from "@/lib/validations/two-step-messages";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { AddPasskey } from "./add-passkey";

/* The person's passkeys, each removable, and the way to add one. */
export function PasskeyList({ passkeys, timeZone }: { passkeys: Passkey[]; timeZone: string }) {
  return (
    <section aria-labelledby="passkeys" className="mt-10 space-y-4">
      <h2 id="passkeys" className="text-2xl font-semibold">
        Passkeys
      </h2>
      <p>
        A passkey signs you in on its own, in place of your password and code: your device checks
        your fingerprint, face or screen lock. It needs JavaScript.
      </p>
      {passkeys.length === 0 ? (
        <p>You have no passkeys.</p>
      ) : (
        <ul className="space-y-3">
          {passkeys.map((passkey) => (
            <li
              key={passkey.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-line p-3"
            >
              <div>
                <p className="font-semibold wrap-anywhere">{passkey.name}</p>
                <p className="text-sm text-ink-muted">
                  Added {formatDateTime(passkey.createdAt, timeZone)}
                  {" · "}
                  {passkey.lastUsedAt
                    ? `last used ${formatDateTime(passkey.lastUsedAt, timeZone)}`
                    : "not used yet"}
                </p>
              </div>
              <form action={removePasskeyAction}>
                <input type="hidden" name="id" value={passkey.id} />
                <button type="submit" className={secondaryButtonClass}>
                  Remove<span className="sr-only"> passkey {passkey.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <AddPasskey nameMax={PASSKEY_NAME_MAX} />
    </section>
  );
}
