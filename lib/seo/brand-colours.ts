/*
 * The brand colours where CSS variables cannot reach: generated images (the
 * sharing card, the home-screen icon), the browser's theme colour and the web
 * app manifest. The source is app/globals.css; a unit test fails if these
 * drift from it.
 */
export const BRAND_COLOURS = {
  light: {
    surface: "#fbf8f3",
    ink: "#1f2a2e",
    inkMuted: "#4a5a5e",
    brand: "#1e5b4f",
    brandSoft: "#e3efeb",
  },
  dark: {
    surface: "#12191b",
  },
} as const;
