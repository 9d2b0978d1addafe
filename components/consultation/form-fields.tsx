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

/*
 * The visitor's fields in reading order, rendered from the catalogue and
 * refilled from the last answer. Each hint and error is tied to its control
 * with aria-describedby; groups sit in a fieldset so the legend is read with
 * every option.
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

/* Stable ids, so the error summary can link to a field and messages can describe it. */
const fieldId = (name: string) => `field-${name}`;
/** Groups are linked through their first option, which is where focus should land. */
const optionId = (name: string, value: string) => `field-${name}-${value}`;

/** The id a summary link points at: the input itself, or the first option shown. */
export function fieldTarget(field: FieldSpec): string {
  if (!("options" in field)) return fieldId(field.name);
  const first = field.groups?.[0]?.options[0] ?? field.options[0];
  return first ? optionId(field.name, first.value) : fieldId(field.name);
}

const errorId = (name: string) => `field-${name}-error`;
const hintId = (name: string) => `field-${name}-hint`;

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

// The focus ring is a box-shadow, which forced-colors (high contrast) mode removes;
// outline-hidden, unlike outline-none, leaves an outline that shows there instead.
const inputClass =
  "block min-h-11 w-full rounded-md border bg-surface px-3 py-2 text-base text-ink " +
  "focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";

const checkClass =
  "mt-0.5 h-6 w-6 shrink-0 accent-brand focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";

function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(name)} className="mt-1 font-semibold text-danger">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/** The hint and the error under a field's label, with the ids its aria-describedby points at. */
function FieldHelp({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={hintId(name)} className="text-ink-muted">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} message={error} />
    </>
  );
}

const requiredText = (required?: boolean) => (
  <span className="font-normal text-ink-muted">{required ? "(required)" : "(optional)"}</span>
);

type TextSpec = Extract<FieldSpec, { max: number }>;
const INPUT_TYPES = { text: "text", email: "email", tel: "tel", textarea: undefined } as const;

/** A labelled text input or textarea with its hint and error tied to it. */
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
    id: fieldId(name),
    name,
    defaultValue,
    // The schema's limit is `max`; the browser stops input only well past it (see hardMaxLength).
    maxLength: hardMaxLength(max),
    required: field.required,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy(name, Boolean(hint), Boolean(error)),
    className: `${inputClass} ${error ? "border-danger" : "border-line"}`,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId(name)} className="block font-semibold text-ink">
        {field.label} {requiredText(field.required)}
      </label>
      <FieldHelp name={name} hint={hint} error={error} />
      {field.kind === "textarea" ? (
        <>
          <textarea
            {...common}
            rows={6}
            onInput={(event) => setLength(measure(event.currentTarget.value))}
          />
          <CharacterCount max={max} length={length} />
        </>
      ) : (
        <input
          {...common}
          type={INPUT_TYPES[field.kind]}
          autoComplete={field.autoComplete}
          inputMode={field.kind === "email" ? "email" : undefined}
        />
      )}
    </div>
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
      <div key={option.value} className="flex min-h-11 items-start gap-3 py-1">
        <input
          type={type}
          id={optionId(name, option.value)}
          name={name}
          value={option.value}
          defaultChecked={selected.includes(option.value)}
          aria-invalid={error ? true : undefined}
          className={checkClass}
        />
        <label htmlFor={optionId(name, option.value)} className="text-ink">
          {option.label}
        </label>
      </div>
    ));
  return (
    <fieldset
      aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
      className={field.groups ? "space-y-3" : "space-y-2"}
    >
      <legend className="font-semibold text-ink">
        {field.label} {requiredText(field.required)}
      </legend>
      <FieldHelp name={name} hint={hint} error={error} />
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
    </fieldset>
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
    <div className="space-y-1">
      <FieldError name="consent" message={error} />
      <div className="flex min-h-11 items-start gap-3 py-1">
        <input
          type="checkbox"
          id={fieldId("consent")}
          name="consent"
          value="yes"
          required
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId("consent") : undefined}
          className={checkClass}
        />
        <label htmlFor={fieldId("consent")} className="text-ink">
          {field.label}{" "}
          <Link
            href={field.link.href}
            className="font-semibold text-brand underline underline-offset-2"
          >
            {field.link.text}
          </Link>{" "}
          <span className="text-ink-muted">(required)</span>
        </label>
      </div>
    </div>
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
