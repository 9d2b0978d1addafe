/* Shared classes for staff controls: every target is at least 44px tall, above the 24px minimum. */
export const buttonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-4 py-2 font-semibold text-on-brand hover:opacity-90";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-line bg-surface-raised px-4 py-2 font-semibold text-ink hover:bg-brand-soft";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-danger bg-danger-soft px-4 py-2 font-semibold text-danger";
export const fieldClass =
  "block w-full rounded-md border border-line bg-surface-raised px-3 py-2 text-ink";
export const pageClass = "mx-auto max-w-5xl px-4 py-8";
