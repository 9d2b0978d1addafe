import type { Element } from "hast";

/*
 * Word, Google Docs and web pages say "bold", "italic" and "hidden" in a
 * style attribute as often as with a tag. Paste reads those few properties
 * and nothing else: fonts, sizes and colours are never carried over.
 */

/** The element's style attribute as property → value, names lower-cased. */
export function styleOf(node: Element): Map<string, string> {
  const style = new Map<string, string>();
  const raw = node.properties.style;
  if (typeof raw !== "string") return style;
  for (const declaration of raw.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, "")
      .trim()
      .toLowerCase();
    if (name) style.set(name, value);
  }
  return style;
}

/** "bold", "bolder" or a weight of 600 and up is bold; "normal" and 400 are not. */
export function weightIsBold(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "bold" || value === "bolder") return true;
  const number = Number(value);
  if (Number.isFinite(number)) return number >= 600;
  return false;
}

export function styleIsItalic(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return value === "italic" || value.startsWith("oblique");
}

/** Hidden text (display:none, Word's mso-hide:all) is not part of what the person copied. */
export function isHidden(node: Element, style: Map<string, string>): boolean {
  return (
    node.properties.hidden === true ||
    style.get("display") === "none" ||
    style.get("visibility") === "hidden" ||
    style.get("mso-hide") === "all"
  );
}

/** The element's classes, whatever form the parser left them in. */
export function classesOf(node: Element): string[] {
  const raw: unknown = node.properties.className;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === "string" ? raw.split(/\s+/) : [];
}
