import { z } from "zod";
import { checkProps, COMPONENT_CATALOGUE, type ComponentName } from "./component-catalogue";

/*
 * A component's values as form fields, read from its prop schema in the
 * catalogue, so the visual editor's block forms ask exactly what the checks
 * accept. The browser loads this file.
 */

export interface PropField {
  name: string;
  /** The fixed choices of an enum, e.g. Callout's type. */
  choices?: string[];
  /** The value used when left out, e.g. "note". */
  fallback?: string;
  required: boolean;
}

export function propFields(name: ComponentName): PropField[] {
  const shape: Record<string, z.ZodType> = COMPONENT_CATALOGUE[name].props().shape;
  return Object.entries(shape).map(([key, schema]) => {
    let inner: unknown = schema;
    let fallback: string | undefined;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
      if (inner instanceof z.ZodDefault) fallback = String(inner.def.defaultValue);
      inner = inner.def.innerType;
    }
    const choices = inner instanceof z.ZodEnum ? inner.options.map(String) : undefined;
    return { name: key, choices, fallback, required: !schema.safeParse(undefined).success };
  });
}

/**
 * The problems with a block's values, one sentence each, worded as the page
 * checks word them (checkProps); none when it may be placed. Empty fields are
 * left out, as the block leaves them out of its text.
 */
export function propProblems(name: ComponentName, values: Record<string, string>): string[] {
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
  return checkProps(name, given);
}
