import Link from "next/link";
import type { AuditActor } from "@/lib/db/audit-log";
import { AUDIT_EVENTS } from "@/lib/staff/audit-events";
import { AUDIT_QUERY_LABELS, type AuditQuery } from "@/lib/staff/audit-query";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field, SelectField } from "@/components/ui/fields";
import { secondaryButtonClass } from "@/components/ui/form-styles";

const EVENT_OPTIONS = [
  { value: "", label: "All events" },
  ...Object.entries(AUDIT_EVENTS).map(([value, label]) => ({ value, label })),
];

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
  const known = people.some((p) => p.accountId === values.person);
  const personOptions = [
    { value: "", label: "Everyone" },
    ...people.map((p) => ({ value: p.accountId, label: p.name })),
    ...(values.person && !known ? [{ value: values.person, label: values.person }] : []),
  ];
  return (
    <form method="get" action="/staff/audit" className="my-6 rounded-md border border-line p-4">
      <fieldset>
        <legend className="mb-3 text-xl font-semibold">Show entries</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            name="person"
            label={AUDIT_QUERY_LABELS.person}
            options={personOptions}
            errors={errors.person}
            selectProps={{ defaultValue: values.person }}
          />
          <SelectField
            name="event"
            label={AUDIT_QUERY_LABELS.event}
            options={EVENT_OPTIONS}
            errors={errors.event}
            selectProps={{ defaultValue: values.event }}
          />
          <Field
            name="request"
            label={AUDIT_QUERY_LABELS.request}
            errors={errors.request}
            inputProps={{
              type: "text",
              defaultValue: values.request,
              autoComplete: "off",
              spellCheck: false,
            }}
          />
          <Field
            name="from"
            label={AUDIT_QUERY_LABELS.from}
            errors={errors.from}
            inputProps={{ type: "date", defaultValue: values.from }}
          />
          <Field
            name="to"
            label={AUDIT_QUERY_LABELS.to}
            hint="The last day shown, whole."
            errors={errors.to}
            inputProps={{ type: "date", defaultValue: values.to }}
          />
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
