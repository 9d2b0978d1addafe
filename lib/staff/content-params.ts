import { z } from "zod";

/* Staff URLs name a page by its address; the home page, whose address is "/", is "index". */
export const pageParamSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .transform((slug) => (slug === "index" ? "" : slug));

export const CONTENT_NOTICES = [
  "published",
  "restored",
  "file",
  "deleted",
  "delete-error",
] as const;
export const contentQuerySchema = z.object({
  notice: z.enum(CONTENT_NOTICES).optional().catch(undefined),
  rev: z.coerce.number().int().positive().optional().catch(undefined),
});

export const staffPageHref = (slug: string) => `/staff/content/${slug || "index"}`;
