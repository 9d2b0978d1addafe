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
          <ChoiceOption
            key={option.value}
            name={name}
            type={type}
            option={option}
            checked={selected.includes(option.value)}
            invalid={Boolean(error)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** One radio or checkbox with its label; the whole row is a touch target of at least 44px. */
export function ChoiceOption({
  name,
  type,
  option,
  checked,
  invalid,
}: {
  name: string;
  type: "radio" | "checkbox";
  option: { value: string; label: string };
  checked: boolean;
  invalid: boolean;
}) {
  return (
    <div className="flex min-h-11 items-start gap-3 py-1">
      <input
        type={type}
        id={optionId(name, option.value)}
        name={name}
        value={option.value}
        defaultChecked={checked}
        aria-invalid={invalid ? true : undefined}
        className={checkClass}
      />
      <label htmlFor={optionId(name, option.value)} className="text-ink">
        {option.label}
      </label>
    </div>
  );
}
