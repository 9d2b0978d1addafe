import { fieldClass } from "@/components/ui/form-styles";

/*
 * A set-up link, shown once to the owner who made it: only its hash is stored,
 * so this page is the only place it can be read. Without email on the server,
 * the owner hands it over themselves.
 */
export function LinkShown({
  id,
  link,
  email,
  emailed,
  what,
  hours,
}: {
  id: string;
  link: string;
  email: string;
  emailed: boolean;
  what: string;
  /** How long the link works (lib/staff/tokens.ts, sent with the answer). */
  hours: number;
}) {
  return (
    <div role="status" className="my-4 space-y-2 rounded-md border border-line bg-brand-soft p-4">
      <p className="font-semibold">
        {what} for <bdi>{email}</bdi>.
      </p>
      <p>
        {emailed
          ? `It was emailed to ${email}. You can also copy it below.`
          : "It was not emailed: this server has no email set up (SMTP_URL). Copy it and give it to the person yourself, in a message only they read."}{" "}
        It works once, within {hours} hours, and is not shown again.
      </p>
      <label htmlFor={id} className="block font-semibold">
        Set-up link for <bdi>{email}</bdi>
      </label>
      <input
        id={id}
        readOnly
        value={link}
        className={`${fieldClass} font-mono`}
        data-testid="set-up-link"
      />
    </div>
  );
}
