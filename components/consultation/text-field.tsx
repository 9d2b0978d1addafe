import { useState, type ComponentPropsWithoutRef } from "react";
import { hardMaxLength } from "@/lib/consultation/body-limit";
import { normaliseText } from "@/lib/validations/text-rules";
import { CharacterCount } from "./character-count";
import { FieldHelp } from "./field-help";
import { describedBy, fieldId, inputClass } from "./field-ids";

type TextFieldProps = {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  /** A textarea, with a running count of the characters left. */
  multiline?: boolean;
  /** The schema's limit; the browser stops input only well past it (lib/consultation/body-limit.ts). */
  max: number;
} & Pick<ComponentPropsWithoutRef<"input">, "type" | "autoComplete" | "inputMode" | "defaultValue">;

/** A labelled text input or textarea with its hint and error tied to it. */
export function TextField({
  name,
  label,
  required,
  hint,
  error,
  multiline,
  max,
  ...input
}: TextFieldProps) {
  // Counted as the schema counts.
  const measure = (value: unknown) => normaliseText(String(value ?? "")).length;
  const [length, setLength] = useState(() => measure(input.defaultValue));
  const common = {
    id: fieldId(name),
    name,
    defaultValue: input.defaultValue,
    maxLength: hardMaxLength(max),
    required,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy(name, Boolean(hint), Boolean(error)),
    className: `${inputClass} ${error ? "border-danger" : "border-line"}`,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId(name)} className="block font-semibold text-ink">
        {label}{" "}
        <span className="font-normal text-ink-muted">{required ? "(required)" : "(optional)"}</span>
      </label>
      <FieldHelp name={name} hint={hint} error={error} />
      {multiline ? (
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
          type={input.type ?? "text"}
          autoComplete={input.autoComplete}
          inputMode={input.inputMode}
        />
      )}
    </div>
  );
}
