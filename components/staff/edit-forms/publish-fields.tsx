import type { ReactNode } from "react";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";

/** The Publish box the staff editors share: name and note for the history, then the buttons given. */
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
        name="author"
        label="Your name"
        hint="Shown in the history. Asked once per sign-in."
        errors={authorError}
        inputProps={{ defaultValue: author, autoComplete: "name" }}
      />
      <Field
        name="note"
        label="What changed (optional)"
        hint="A short note for the history."
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
