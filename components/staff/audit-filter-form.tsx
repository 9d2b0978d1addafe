import Link from "next/link";
import type { ReactNode } from "react";
import type { AuditActor } from "@/lib/db/audit-log";
import { AUDIT_EVENTS } from "@/lib/staff/audit-events";
import type { AuditQuery, AuditQueryField } from "@/lib/staff/audit-query";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";

const LABELS: Record<AuditQueryField, string> = {
  person: "Person",
  event: "Event",
  from: "From",
  to: "To",
  request: "Request reference",
};

/** Label, control and error tied together by id (audit-<name>, audit-<name>-error). */
function Filter({
  name,
  error,
  children,
}: {
  name: AuditQueryField;
  error?: string;
  children: (attributes: Record<string, string | boolean | undefined>) => ReactNode;
}) {
  const id = `audit-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {LABELS[name]}
      </label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error && (
        <p id={`${id}-error`} className="mt-1 font-semibold text-danger">
          {LABELS[name]}: {error}
        </p>
      )}
    </div>
  );
}

/* A plain GET form: works without JavaScript, and the filtered address can be bookmarked. */
export function AuditFilterForm({
  query,
  people,
}: {
  query: AuditQuery;
  people: readonly AuditActor[];
}) {
  const { values, errors } = query;
  // Someone filtered by an id no longer in the list (a bookmark) still sees what they chose.
  const choices =
    values.person && !people.some((p) => p.accountId === values.person)
      ? [...people, { accountId: values.person, name: values.person }]
      : people;
  return (
    <form method="get" action="/staff/audit" className="my-6 rounded-md border border-line p-4">
      <fieldset>
        <legend className="mb-3 text-xl font-semibold">Show entries</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Filter name="person" error={errors.person}>
            {(attributes) => (
              <select {...attributes} defaultValue={values.person} className={fieldClass}>
                <option value="">Everyone</option>
                {choices.map((person) => (
                  <option key={person.accountId} value={person.accountId}>
                    {person.name}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter name="event" error={errors.event}>
            {(attributes) => (
              <select {...attributes} defaultValue={values.event} className={fieldClass}>
                <option value="">All events</option>
                {Object.entries(AUDIT_EVENTS).map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Filter>
          <Filter name="request" error={errors.request}>
            {(attributes) => (
              <input
                {...attributes}
                type="text"
                defaultValue={values.request}
                autoComplete="off"
                spellCheck={false}
                className={fieldClass}
              />
            )}
          </Filter>
          <Filter name="from" error={errors.from}>
            {(attributes) => (
              <input
                {...attributes}
                type="date"
                defaultValue={values.from}
                className={fieldClass}
              />
            )}
          </Filter>
          <Filter name="to" error={errors.to}>
            {(attributes) => (
              <input {...attributes} type="date" defaultValue={values.to} className={fieldClass} />
            )}
          </Filter>
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className={primaryButtonClass}>
          Show entries
        </button>
        <Link href="/staff/audit" className={`${secondaryButtonClass} no-underline`}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
