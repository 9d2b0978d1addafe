/** Stable ids, so the error summary can link to a field and messages can describe it. */
export const fieldId = (name: string) => `field-${name}`;
export const errorId = (name: string) => `field-${name}-error`;
export const hintId = (name: string) => `field-${name}-hint`;
/** Groups are linked through their first option, which is where focus should land. */
export const optionId = (name: string, value: string) => `field-${name}-${value}`;

export function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? hintId(name) : null, error ? errorId(name) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

// The focus ring is a box-shadow, which forced-colors (high contrast) mode removes;
// outline-hidden, unlike outline-none, leaves an outline that shows there instead.
export const inputClass =
  "block min-h-11 w-full rounded-md border bg-surface px-3 py-2 text-base text-ink " +
  "focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";

export const checkClass =
  "mt-0.5 h-6 w-6 shrink-0 accent-brand focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";
