import type { ReactNode } from "react";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass } from "@/components/ui/form-styles";

/*
 * What the staff editors share: a labelled field with its help and error
 * (ids field-<name>, field-<name>-help, field-<name>-error, which the inputs'
 * aria-describedby point at), and the Publish box with name and note.
 */

/** The attributes that tie an input to its label, help and error. */
export function fieldAttributes(name: string, error: string | undefined) {
  return {
    id: `field-${name}`,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${error ? `field-${name}-error ` : ""}field-${name}-help`,
  } as const;
}

export function Field({
  label,
  help,
  error,
  name,
  extra,
  children,
}: {
  label: string;
  help: string;
  error?: string;
  name: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block font-semibold">
        {label}
      </label>
      <p id={`field-${name}-help`} className="mb-1 text-sm text-ink-muted">
        {help}
      </p>
      {children}
      {extra}
      {error && (
        <p id={`field-${name}-error`} className="mt-1 font-semibold text-danger">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

/** Name (asked once per sign-in) and note for the history, then the buttons given. */
export function PublishFields({
  author,
  authorError,
  note,
  pending,
  publishLabel,
  children,
}: {
  author: string;
  authorError?: string;
  note: string;
  pending: boolean;
  publishLabel: string;
  /** Buttons before Publish, such as Preview. */
  children?: ReactNode;
}) {
  return (
    <fieldset className="space-y-5 rounded-lg border border-line p-4">
      <legend className="px-1 text-xl font-semibold">Publish</legend>
      <Field
        label="Your name"
        help="Shown in the history. Asked once per sign-in."
        error={authorError}
        name="author"
      >
        <input
          {...fieldAttributes("author", authorError)}
          defaultValue={author}
          autoComplete="name"
          className={fieldClass}
        />
      </Field>
      <Field label="What changed (optional)" help="A short note for the history." name="note">
        <input {...fieldAttributes("note", undefined)} defaultValue={note} className={fieldClass} />
      </Field>
      <div className="flex flex-wrap gap-3">
        {children}
        <button
          type="submit"
          name="intent"
          value="publish"
          className={primaryButtonClass}
          disabled={pending}
        >
          {publishLabel}
        </button>
      </div>
    </fieldset>
  );
}
