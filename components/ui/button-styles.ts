/*
 * The primary button's look, for links and buttons alike: every target is at
 * least 44px tall, above the 24px minimum. The focus ring is a box-shadow,
 * which forced-colors mode removes; outline-hidden (not outline-none) leaves an
 * outline that shows there instead.
 */
const primaryLook =
  "inline-flex items-center justify-center rounded-md bg-brand font-semibold text-on-brand no-underline " +
  "hover:opacity-90 focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus";

export const primaryButtonClass = `${primaryLook} min-h-11 px-5 py-2`;
export const largePrimaryButtonClass = `${primaryLook} min-h-12 px-6 py-3 text-lg`;
