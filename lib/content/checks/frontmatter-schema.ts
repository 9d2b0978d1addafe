import { z } from "zod";
import { SOURCE_KEY } from "./sources-schema";

const isoDate = z
  .string({ error: "is required, as a date like 2026-01-31" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, like 2026-01-31")
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: "is not a real calendar date",
    },
  );

/**
 * The frontmatter block at the top of every MDX file in content/. YAML turns an
 * unquoted date into a Date object, so dates are accepted either way and
 * normalised to YYYY-MM-DD text.
 */
export const frontmatterSchema = z.strictObject({
  title: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(90, "must be at most 90 characters"),
  // The <title> search results show, when the heading is too long for it (content:check warns).
  seoTitle: z
    .string()
    .trim()
    .min(1, "must not be empty when given")
    .max(70, "must be at most 70 characters")
    .optional(),
  description: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(160, "must be at most 160 characters (search engines cut longer ones)"),
  lastReviewed: z.preprocess(
    (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
    isoDate,
  ),
  reviewedBy: z.string().trim().min(1, "must not be empty when given").optional(),
  navLabel: z.string().trim().min(1).max(30, "must be at most 30 characters").optional(),
  navOrder: z.number({ error: "must be a whole number" }).int("must be a whole number").optional(),
  draft: z.boolean({ error: "must be true or false" }).optional(),
  // Keys from content/sources.yaml, listed under "Sources" at the end of the page.
  sources: z
    .array(
      z.string().regex(SOURCE_KEY, "must list keys from content/sources.yaml, like acp-2017"),
      { error: "must be a list of keys from content/sources.yaml, like [acp-2017, nice-ng59]" },
    )
    .refine((keys) => new Set(keys).size === keys.length, "must not list a source twice")
    .optional(),
  kind: z.enum(["article", "page"], { error: 'must be "article" or "page"' }).default("article"),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
