"use client";

import { useActionState, useEffect, useRef } from "react";
import { inviteStaffAction } from "@/lib/actions/staff-accounts";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/validations/permissions";
import { INVITE_FIELDS, type InviteField, type LinkState } from "@/lib/validations/staff-accounts";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Choice, ErrorSummary, Field, FieldGroup, fieldId, optionId } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";
import { LinkShown } from "./link-shown";

/*
 * "Invite someone": email, an optional name and a role, each role with its
 * line from the permission catalogue. The answer shows the set-up link once.
 * Works without JavaScript (useActionState posts the form to the page).
 */
export function InviteForm() {
  const [state, action, pending] = useActionState(inviteStaffAction, { answer: 0 } as LinkState);
  const summary = useRef<HTMLDivElement>(null);
  const errors = state.errors ?? {};
  const problems = (Object.keys(INVITE_FIELDS) as InviteField[]).flatMap((field) => {
    const message = errors[field];
    if (!message) return [];
    // A role error leads to the first option: a fieldset cannot take focus.
    const target = field === "role" ? optionId("role", ROLES[0]) : fieldId(field);
    return [{ target, message }];
  });
  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
    // Once per answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.answer]);
  const values = state.link ? {} : (state.values ?? {});
  // A message that already starts with its label is shown as it is.
  const own = (field: InviteField) => errors[field]?.slice(INVITE_FIELDS[field].length + 2);
  return (
    <section aria-labelledby="invite" className="mt-8 space-y-4">
      <h2 id="invite" className="text-2xl font-semibold">
        Invite someone
      </h2>
      {state.link && state.email ? (
        <LinkShown
          id="invite-link"
          link={state.link}
          email={state.email}
          emailed={Boolean(state.emailed)}
          hours={state.hours ?? 0}
          what="Invitation made"
        />
      ) : null}
      {state.error ? (
        <div key={state.answer}>
          <Notice tone="error">{state.error}</Notice>
        </div>
      ) : null}
      <ErrorSummary ref={summary} title="The invitation was not made" problems={problems} />
      <form key={state.answer} action={action} className="max-w-xl space-y-4" noValidate>
        <Field
          name="email"
          label={INVITE_FIELDS.email}
          hint="Their own work address. The set-up link is made for it."
          errors={own("email")}
          inputProps={{
            type: "email",
            autoComplete: "off",
            required: true,
            defaultValue: values.email,
          }}
        />
        <Field
          name="name"
          label={INVITE_FIELDS.name}
          requirement="optional"
          hint="They can change it when they set up their account."
          errors={own("name")}
          inputProps={{ autoComplete: "off", maxLength: 80, defaultValue: values.name }}
        />
        <FieldGroup name="role" legend={INVITE_FIELDS.role} errors={own("role")}>
          {ROLES.map((role) => (
            <Choice
              key={role}
              type="radio"
              name="role"
              value={role}
              invalid={Boolean(errors.role)}
              defaultChecked={values.role === role}
              label={
                <>
                  <span className="font-semibold">{ROLE_LABELS[role]}</span>:{" "}
                  {ROLE_DESCRIPTIONS[role]}
                </>
              }
            />
          ))}
        </FieldGroup>
        <button type="submit" className={primaryButtonClass} disabled={pending}>
          Invite and make a set-up link
        </button>
      </form>
    </section>
  );
}
