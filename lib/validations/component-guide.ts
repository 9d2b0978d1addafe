import { z } from "zod";
import { COMPONENT_CATALOGUE, COMPONENT_NAMES, type ComponentName } from "./component-catalogue";

/*
 * The component catalogue in the staff guide's words: the table in
 * content/README.md is these rows (tests/unit/content/component-catalogue.test.ts
 * compares them), so the guide cannot describe a component the checks do not.
 */

/** Each value with its choices and whether it may be left out, for the guide's table. */
export function propSummary(name: ComponentName): string {
  const shape: Record<string, z.ZodType> = COMPONENT_CATALOGUE[name].props().shape;
  const parts = Object.entries(shape).map(([key, schema]) => {
    let inner: unknown = schema;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
      inner = inner.def.innerType;
    const choices =
      inner instanceof z.ZodEnum
        ? ` ${inner.options.map((o) => `"${String(o)}"`).join(" or ")}`
        : "";
    return `${key}${choices}${schema.safeParse(undefined).success ? " (optional)" : ""}`;
  });
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** What a component holds, in the guide's words. */
export function holdsText(name: ComponentName): string {
  const { holds, inside } = COMPONENT_CATALOGUE[name];
  const text =
    holds === "nothing"
      ? "Nothing: the tag ends with />"
      : holds === "text"
        ? "Text and Markdown"
        : holds === "numbered list"
          ? "A numbered list"
          : `Only ${holds.only.map((n) => `<${n}>`).join(", ")}`;
  return inside ? `${text}; goes inside <${inside}>` : text;
}

/** The rows of the component table in content/README.md: component, use, what it holds, values. */
export function guideRows(): string[][] {
  return COMPONENT_NAMES.map((name) => [
    `<${name}>`,
    COMPONENT_CATALOGUE[name].use,
    holdsText(name),
    propSummary(name),
  ]);
}
