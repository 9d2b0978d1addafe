import type { Config } from "tailwindcss";

/*
 * Brand tokens. Each colour is a CSS variable set in app/globals.css, once for
 * the light scheme and once for the dark one, so components name a role
 * ("surface", "brand") and follow the visitor's system setting for free.
 * Tailwind 4 finds the class names in the sources itself, so no content globs.
 */
const role = (name: string) => `var(--color-${name})`;

const config: Config = {
  theme: {
    extend: {
      colors: {
        surface: role("surface"),
        "surface-raised": role("surface-raised"),
        ink: role("ink"),
        "ink-muted": role("ink-muted"),
        line: role("line"),
        brand: role("brand"),
        "on-brand": role("on-brand"),
        "brand-soft": role("brand-soft"),
        danger: role("danger"),
        "danger-soft": role("danger-soft"),
        "warning-soft": role("warning-soft"),
        focus: role("focus"),
      },
      fontFamily: {
        sans: [
          '"Segoe UI"',
          "system-ui",
          "-apple-system",
          "Roboto",
          '"Noto Sans"',
          "Arial",
          "sans-serif",
        ],
        serif: [
          "Charter",
          '"Bitstream Charter"',
          '"Iowan Old Style"',
          "Georgia",
          "Cambria",
          "serif",
        ],
      },
      // The reading measure of articles and long staff text. Not named "prose": Tailwind 4 fixes
      // its own prose width at 65ch, which silently wins over a token of that name.
      maxWidth: {
        measure: "68ch",
      },
    },
  },
};

export default config;
