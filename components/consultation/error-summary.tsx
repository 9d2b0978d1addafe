import type { RefObject } from "react";
import { CONSULTATION_FIELDS, type FieldErrors } from "@/lib/validations/consultation";
import { fieldTarget } from "./field-target";

/** The list of problems at the top of the form, each a link to its field. */
export function ErrorSummary({
  errors,
  summaryRef,
}: {
  errors: FieldErrors;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const problems = CONSULTATION_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
  if (problems.length === 0) return null;
  return (
    <div
      ref={summaryRef}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-md border-4 border-danger bg-danger-soft p-4 focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus"
    >
      <h2 id="error-summary-title" className="text-lg font-bold text-ink">
        There {problems.length === 1 ? "is a problem" : `are ${problems.length} problems`} with your
        request
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map(({ field, message }) => (
          <li key={field}>
            <a
              href={`#${fieldTarget(field)}`}
              className="font-semibold text-danger underline underline-offset-2"
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
