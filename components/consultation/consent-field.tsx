import Link from "next/link";
import { FieldError } from "./field-error";
import { checkClass, errorId, fieldId } from "./field-ids";

export function ConsentField({ checked, error }: { checked: boolean; error?: string }) {
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
          I agree to be contacted about this request and have read the{" "}
          <Link href="/privacy" className="font-semibold text-brand underline underline-offset-2">
            privacy notice
          </Link>{" "}
          <span className="text-ink-muted">(required)</span>
        </label>
      </div>
    </div>
  );
}
