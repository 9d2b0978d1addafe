/* Staff controls beside the primary button (components/ui/button-styles.ts): every target is at least 44px tall. */
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-line bg-surface-raised px-4 py-2 font-semibold text-ink hover:bg-brand-soft";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-danger bg-danger-soft px-4 py-2 font-semibold text-danger";
export const fieldClass =
  "block w-full rounded-md border border-line bg-surface-raised px-3 py-2 text-ink";
export const pageClass = "mx-auto max-w-5xl px-4 py-8";
