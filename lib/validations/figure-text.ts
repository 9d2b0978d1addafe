/*
 * The alt text and caption of a Figure as they are written into the page:
 * one line, at most 300 characters, and no straight double quote, which
 * would end the attribute early (a quoted phrase gets typographic quotes).
 * The same for an uploaded image (lib/staff/editor-image.ts) and one chosen
 * from the site in the visual editor, which runs in the browser.
 */
export const FIGURE_TEXT_MAX = 300;

export function figureText(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/"([^"]*)"/g, "“$1”")
    .replace(/"/g, "”")
    .slice(0, FIGURE_TEXT_MAX);
}
