import type { ReactNode } from "react";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";

/**
 * The Publish box the staff editors share: a note for the history, then the
 * buttons given. Who published is the signed-in person; nobody types a name.
 */
export function PublishFields({
  note,
  pending,
  publishLabel,
  children,
}: {
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
        name="note"
        label="What changed (optional)"
        hint="A short note for the history, which shows it under your name."
        inputProps={{ defaultValue: note }}
      />
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
