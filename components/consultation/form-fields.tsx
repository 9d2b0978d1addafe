"use client";

import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  CONSULTATION_FIELDS,
  hardMaxLength,
  type ClinicContact,
  type FieldSpec,
  type Option,
} from "@/lib/validations/consultation-fields";
import type { FieldErrors, FormValues } from "@/lib/validations/consultation";
import { normaliseText } from "@/lib/validations/text-rules";
import {
  Choice,
  CheckboxField,
  Field,
  FieldGroup,
  fieldId,
  optionId,
  TextareaField,
} from "@/components/ui/fields";
import { visitorFieldClass } from "@/components/ui/form-styles";

/*
 * The visitor's fields in reading order, rendered from the catalogue and
 * refilled from the last answer, on the shared field kit (components/ui/fields.tsx).
 */
export function FormFields({
  values,
  errors,
  clinic,
}: {
  values: FormValues;
  errors: FieldErrors;
  clinic: ClinicContact;
}) {
  return (
    <>
      {CONSULTATION_FIELDS.map((field) => {
        const value = values[field.name];
        const error = errors[field.name];
        const hint = "hint" in field ? field.hint : undefined;
        if (field.kind === "consent") {
          return (
            <ConsentField key={field.name} field={field} checked={value === "yes"} error={error} />
          );
        }
        if ("options" in field) {
          const selected = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
          return <ChoiceGroup key={field.name} {...{ field, selected, hint, error, clinic }} />;
        }
        const text = typeof value === "string" ? value : "";
        return <TextField key={field.name} {...{ field, defaultValue: text, hint, error }} />;
      })}
    </>
  );
}

/** The id a summary link points at: the input itself, or the first option shown. */
export function fieldTarget(field: FieldSpec): string {
  if (!("options" in field)) return fieldId(field.name);
  const first = field.groups?.[0]?.options[0] ?? field.options[0];
  return first ? optionId(field.name, first.value) : fieldId(field.name);
}

const requirement = (required?: boolean) =>
  required ? ("required" as const) : ("optional" as const);

type TextSpec = Extract<FieldSpec, { max: number }>;
const INPUT_TYPES = { text: "text", email: "email", tel: "tel", textarea: undefined } as const;

/** A labelled text input or textarea; a textarea counts what is left as the visitor types. */
function TextField({
  field,
  defaultValue,
  hint,
  error,
}: {
  field: TextSpec;
  defaultValue: string;
  hint?: string;
  error?: string;
}) {
  const { name, max } = field;
  // Counted as the schema counts.
  const measure = (value: string) => normaliseText(value).length;
  const [length, setLength] = useState(() => measure(defaultValue));
  const common = {
    name,
    label: field.label,
    hint,
    errors: error,
    requirement: requirement(field.required),
    // The catalogue writes each message with the field's noun ("Enter your full name").
    messagesNameField: true,
  };
  const control = {
    defaultValue,
    // The schema's limit is `max`; the browser stops input only well past it (see hardMaxLength).
    maxLength: hardMaxLength(max),
    required: field.required,
    className: visitorFieldClass(Boolean(error)),
  };
  if (field.kind === "textarea") {
    return (
      <TextareaField
        {...common}
        textareaProps={{
          ...control,
          rows: 6,
          onInput: (event) => setLength(measure(event.currentTarget.value)),
        }}
      >
        <CharacterCount max={max} length={length} />
      </TextareaField>
    );
  }
  return (
    <Field
      {...common}
      inputProps={{
        ...control,
        type: INPUT_TYPES[field.kind],
        autoComplete: field.autoComplete,
        inputMode: field.kind === "email" ? "email" : undefined,
      }}
    />
  );
}

/**
 * Radios or checkboxes in a fieldset, so the legend is read with every option.
 * Grouped options sit in nested fieldsets whose legends are read with theirs.
 */
function ChoiceGroup({
  field,
  selected,
  hint,
  error,
  clinic,
}: {
  field: Extract<FieldSpec, { options: unknown }>;
  selected: readonly string[];
  hint?: string;
  error?: string;
  clinic: ClinicContact;
}) {
  const { name } = field;
  const type = field.kind === "checkbox" ? "checkbox" : "radio";
  const options = (list: readonly Option[]) =>
    list.map((option) => (
      <Choice
        key={option.value}
        type={type}
        name={name}
        value={option.value}
        label={option.label}
        defaultChecked={selected.includes(option.value)}
        invalid={Boolean(error)}
      />
    ));
  return (
    <FieldGroup
      name={name}
      legend={field.label}
      requirement={requirement(field.required)}
      messagesNameField
      hint={hint}
      errors={error}
      className={field.groups ? "space-y-3" : "space-y-2"}
    >
      {field.groups ? (
        field.groups.map((group) => (
          <fieldset
            key={group.value}
            data-level={group.value}
            className={`space-y-1 rounded-md border-l-4 border-danger px-3 py-2 ${
              group.tone === "danger" ? "bg-danger-soft" : "bg-warning-soft"
            }`}
          >
            {/* The legend floats so it sits inside the box; the options start below it. */}
            <legend className="float-left mb-1 w-full font-semibold text-ink">
              {group.legend(clinic)}
            </legend>
            <div className="clear-both">{options(group.options)}</div>
          </fieldset>
        ))
      ) : (
        <div className="space-y-1">{options(field.options)}</div>
      )}
    </FieldGroup>
  );
}

function ConsentField({
  field,
  checked,
  error,
}: {
  field: Extract<FieldSpec, { kind: "consent" }>;
  checked: boolean;
  error?: string;
}) {
  return (
    <CheckboxField
      name={field.name}
      errors={error}
      messagesNameField
      requirement="required"
      inputProps={{ value: "yes", required: true, defaultChecked: checked }}
      label={
        <>
          {field.label}{" "}
          <Link
            href={field.link.href}
            className="font-semibold text-brand underline underline-offset-2"
          >
            {field.link.text}
          </Link>
        </>
      }
    />
  );
}

const noSubscription = () => () => {};

function countText(max: number, length: number): string {
  const left = max - length;
  const n = (value: number) => value.toLocaleString("en");
  if (left >= 0) return `You have ${n(left)} character${left === 1 ? "" : "s"} left`;
  return `You have ${n(-left)} character${left === -1 ? "" : "s"} too many`;
}

/**
 * How much room is left, as the visitor types. Shown only once JavaScript runs
 * (without it the hint states the limit); read to screen readers a second after
 * typing stops, not at every keystroke.
 */
function CharacterCount({ max, length }: { max: number; length: number }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const text = countText(max, length);
  const [announced, setAnnounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), 1000);
    return () => clearTimeout(timer);
  }, [text]);

  if (!hydrated) return null;
  return (
    <>
      <p
        aria-hidden="true"
        className={length > max ? "font-semibold text-danger" : "text-ink-muted"}
      >
        {text}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
