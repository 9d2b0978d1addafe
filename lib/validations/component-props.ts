import { z } from "zod";

/*
 * The building blocks of the component catalogue's prop schemas, and the
 * wording of their problems. MDX attribute values are always text (or `true`
 * for a bare name), so every schema reads text; each message continues
 * "<Component> <prop> …" and says what to write instead, for a reader who has
 * never seen code. The browser loads this file: only zod may be imported.
 */

/** What a check knows beyond the text itself; without it (at render time) only the shape is checked. */
export interface CatalogueContext {
  /** The keys of content/sources.yaml. */
  sourceKeys: readonly string[];
  /** Whether an image path is on this site: a file in public/ or an upload. */
  imageExists: (src: string) => boolean;
  /** " (did you mean …?)" for a likely typo, or "". */
  suggest: (typed: string, candidates: readonly string[]) => string;
}

/** A message for a prop that is missing, and another for a value that is there but wrong. */
export function said(missing: string, wrong: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong) };
}

/** Required text on one line, with what it should say when it is missing or empty. */
export function words(what: string) {
  return z
    .string(said(`is needed: ${what}`, `must be text in double quotes: ${what}`))
    .trim()
    .min(1, `must not be empty: ${what}`)
    .refine((v) => !/[\r\n]/.test(v), "must be on one line");
}

/** One of a few fixed words, e.g. Callout's type. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((v) => `"${v}"`);
  const choice = list.length === 2 ? list.join(" or ") : `one of ${list.join(", ")}`;
  return z.enum(values, said(`is needed: write ${choice}`, `must be ${choice}`));
}

/** A size in pixels, written as digits: width="1200". */
export function pixels() {
  const wrong = "must be a whole number of pixels, written in digits, like 1200";
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number(said(wrong, wrong))
      .int(wrong)
      .min(1, "must be at least 1 pixel")
      .max(10_000, "must be at most 10000 pixels: give the image's real size"),
  );
}

/** The text of a value as the writer typed it, for "(you wrote …)". */
function written(value: unknown): string {
  if (value === true) return " (you wrote it with no value)";
  if (typeof value === "string") return ` (you wrote "${value}")`;
  return "";
}

/**
 * Problems with one component's attributes, one sentence each:
 * `Callout type must be "note" or "warning" (you wrote "tip")`.
 */
export function describeIssues(
  name: string,
  attributes: Record<string, unknown>,
  error: z.ZodError,
  known: readonly string[],
): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const takes =
        known.length === 0
          ? `it takes no values: write <${name} />`
          : `it takes ${known.join(", ").replace(/, ([^,]*)$/, " and $1")}`;
      return issue.keys.map((key) => `${name} does not take ${key}: ${takes}`);
    }
    const prop = issue.path[0];
    if (typeof prop !== "string") return [`${name} ${issue.message}`];
    const value = attributes[prop];
    const suffix = value === undefined || issue.message.includes("you wrote") ? "" : written(value);
    return [`${name} ${prop} ${issue.message}${suffix}`];
  });
}
