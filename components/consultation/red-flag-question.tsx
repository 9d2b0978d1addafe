import { RED_FLAG_LEVELS, redFlagAdvice, redFlagsAt } from "@/lib/content/red-flags";
import { ChoiceOption } from "./choice-group";
import { FieldHelp } from "./field-help";
import { describedBy } from "./field-ids";

const NAME = "redFlags";

/**
 * The warning-sign question, grouped by what each sign needs: an emergency
 * now, or a doctor today. Each group's legend is that advice, so it is read
 * with every sign in it, and it is said before the form is sent: someone with
 * these signs should not wait for our reply.
 */
export function RedFlagQuestion({
  selected,
  error,
  emergencyNumber,
}: {
  selected: readonly string[];
  error?: string;
  emergencyNumber: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(NAME, true, Boolean(error))} className="space-y-3">
      <legend className="font-semibold text-ink">
        Do you have any of these symptoms as well as your pain?{" "}
        <span className="font-normal text-ink-muted">(optional)</span>
      </legend>
      <FieldHelp
        name={NAME}
        hint="Tick any that apply, or leave them all unticked. If you have any of them, please do not wait for our reply. Each group below says what to do."
        error={error}
      />
      {RED_FLAG_LEVELS.map((level) => (
        <fieldset
          key={level}
          data-level={level}
          className={`space-y-1 rounded-md border-l-4 px-3 py-2 ${
            level === "emergency" ? "border-danger bg-danger-soft" : "border-danger bg-warning-soft"
          }`}
        >
          <legend className="float-left mb-1 w-full font-semibold text-ink">
            {redFlagAdvice(level, emergencyNumber).title}
          </legend>
          {/* The legend floats so it sits inside the box; the options start below it. */}
          <div className="clear-both">
            {redFlagsAt(level).map((flag) => (
              <ChoiceOption
                key={flag.value}
                name={NAME}
                type="checkbox"
                option={flag}
                checked={selected.includes(flag.value)}
                invalid={Boolean(error)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
