import { FieldError } from "./field-error";
import { hintId } from "./field-ids";

/** The hint and the error under a field's label, with the ids its aria-describedby points at. */
export function FieldHelp({ name, hint, error }: { name: string; hint?: string; error?: string }) {
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
