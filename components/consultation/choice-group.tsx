import { FieldHelp } from "./field-help";
import { checkClass, describedBy, optionId } from "./field-ids";

type ChoiceGroupProps = {
  name: string;
  legend: string;
  type: "radio" | "checkbox";
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  required?: boolean;
  hint?: string;
  error?: string;
};

/** Radios or checkboxes in a fieldset, so the legend is read with every option. */
export function ChoiceGroup({
  name,
  legend,
  type,
  options,
  selected,
  required,
  hint,
  error,
}: ChoiceGroupProps) {
  return (
    <fieldset
      aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
      className="space-y-2"
    >
      <legend className="font-semibold text-ink">
        {legend}{" "}
        {required !== undefined ? (
          <span className="font-normal text-ink-muted">
            {required ? "(required)" : "(optional)"}
          </span>
        ) : null}
      </legend>
      <FieldHelp name={name} hint={hint} error={error} />
      <div className="space-y-1">
        {options.map((option) => (
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
        ))}
      </div>
    </fieldset>
  );
}
