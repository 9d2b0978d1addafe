import { z } from "zod";

/*
 * One cited source, with every part of a full citation as the health-content
 * guide gives them. A source without its year or a link fails content:check,
 * because a claim a reader cannot look up is not sourced.
 */
const oneLine = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .refine((v) => !/[\r\n]/.test(v), { message: "must be on one line" });
// YAML reads 12 as a number and "166(7)" as text; both are shown as written.
const numberOrText = z.union([z.string(), z.number()]).transform(String).pipe(oneLine);

export const sourceSchema = z
  .strictObject({
    label: oneLine.pipe(
      z.string().max(50, "must be at most 50 characters: it is shown in the text"),
    ),
    authors: oneLine,
    title: oneLine,
    journal: oneLine.optional(),
    publisher: oneLine.optional(),
    year: z
      .number({ error: "is required: the year it was published, like 2020" })
      .int("must be a whole year, like 2020")
      .min(1900, "must be a year, like 2020")
      .max(2100, "must be a year, like 2020"),
    volume: numberOrText.optional(),
    pages: numberOrText.optional(),
    dates: oneLine.optional(),
    note: oneLine.optional(),
    doi: z
      .string()
      .regex(
        /^10\.\d{4,9}\/\S+$/,
        "must be a DOI such as 10.1002/14651858.CD013814, without https://",
      )
      .optional(),
    url: z
      .url({ protocol: /^https$/, error: "must be a full address starting https://" })
      .optional(),
  })
  .refine((s) => s.doi !== undefined || s.url !== undefined, {
    message: "needs a link: give its doi (like 10.7326/M16-2367) or a url starting https://",
    path: ["url"],
  })
  .refine((s) => s.journal !== undefined || s.publisher !== undefined, {
    message: "needs the journal or the publisher it appeared in",
    path: ["journal"],
  });

export const SOURCE_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const sourcesSchema = z.record(
  z
    .string()
    .regex(SOURCE_KEY, "each key must be lower-case words joined by hyphens, like acp-2017"),
  sourceSchema,
);

export type Source = z.infer<typeof sourceSchema>;
export type Sources = z.infer<typeof sourcesSchema>;

/** Where a reader follows the source: its DOI when it has one, otherwise its address. */
export function sourceHref(source: Source): string {
  return source.doi ? `https://doi.org/${source.doi}` : (source.url ?? "");
}
