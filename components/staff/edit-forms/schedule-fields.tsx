import { Field } from "@/components/ui/fields";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import type { ScheduleValues } from "@/lib/staff/schedule-form";
import type { ScheduleFormState } from "@/lib/validations/editor-state";

export interface ScheduleOptions {
  /** Tomorrow at 09:00 in the clinic's time zone, worked out by the server. */
  defaults: ScheduleValues;
  timeZone: string;
  /** A page not published yet: nobody but staff sees it until then. */
  newPage?: boolean;
}

/**
 * "Publish later", in the editor's form beside Publish: a date and a time on
 * the clinic's clock, and a Schedule button that posts the whole form with
 * intent "schedule", so the text gets the same checks as a publish. Plain
 * inputs: without JavaScript a browser without date pickers shows text boxes,
 * and the hints say what to type.
 */
export function ScheduleFields({
  options,
  typed,
  pending,
}: {
  options: ScheduleOptions;
  /** What was typed before a refused schedule; otherwise the defaults show. */
  typed?: ScheduleFormState;
  pending: boolean;
}) {
  const { defaults, timeZone, newPage } = options;
  const error = (field: "date" | "time") => (typed?.field === field ? typed.error : undefined);
  return (
    <fieldset className="mt-6 space-y-4 rounded-lg border border-line p-4">
      <legend className="px-1 text-xl font-semibold">Publish later</legend>
      <p className="text-ink-muted">
        Publishes this text by itself at the time below, on the clinic&rsquo;s clock ({timeZone}).
        {newPage
          ? " Until then visitors cannot see the new page; staff see it waiting in the page list."
          : " Until then visitors see the page as it is now."}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="scheduleDate"
          label="Date"
          hint="Year-month-day, like 2026-12-08."
          errors={error("date")}
          messagesNameField
          inputProps={{ type: "date", defaultValue: typed?.date ?? defaults.date }}
        />
        <Field
          name="scheduleTime"
          label={`Time (${timeZone})`}
          hint="24-hour clock, like 09:00."
          errors={error("time")}
          messagesNameField
          inputProps={{ type: "time", defaultValue: typed?.time ?? defaults.time }}
        />
      </div>
      <button
        type="submit"
        name="intent"
        value="schedule"
        className={secondaryButtonClass}
        disabled={pending}
      >
        Schedule
      </button>
    </fieldset>
  );
}
