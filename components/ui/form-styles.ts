/* Staff controls beside the primary button (components/ui/button-styles.ts): every target is at least 44px tall. */
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-line bg-surface-raised px-4 py-2 font-semibold text-ink hover:bg-brand-soft";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-danger bg-danger-soft px-4 py-2 font-semibold text-danger";
export const fieldClass =
  "block w-full rounded-md border border-line bg-surface-raised px-3 py-2 text-ink";
export const pageClass = "mx-auto max-w-5xl px-4 py-8";

/* The parts of every field (components/ui/fields.tsx). */
export const labelClass = "block font-semibold text-ink";
export const hintClass = "text-ink-muted";
export const errorClass = "font-semibold text-danger";
/** The visitor's larger controls; a field in error gets a red border as well as its message. */
export const visitorFieldClass = (invalid: boolean) =>
  "block min-h-11 w-full rounded-md border bg-surface px-3 py-2 text-base text-ink " +
  // The focus ring is a box-shadow, which forced-colors (high contrast) mode removes;
  // outline-hidden, unlike outline-none, leaves an outline that shows there instead.
  "focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus " +
  (invalid ? "border-danger" : "border-line");
/** Checkboxes and radios: 24px, so the row around them makes the 44px target. */
export const checkClass =
  "mt-0.5 size-6 shrink-0 accent-brand focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";
