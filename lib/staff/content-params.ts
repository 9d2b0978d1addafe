import { z } from "zod";
import { slugProblem } from "@/lib/content/checks/slug";

/*
 * Staff URLs and forms name a page by its address; the home page, whose
 * address is "/", is "index". Any other name must be an address a new page
 * could have, so a tampered form cannot reach a route or a path outside content/.
 */
export const pageParamSchema = z
  .string()
  .refine((slug) => slug === "index" || slugProblem(slug) === undefined)
  .transform((slug) => (slug === "index" ? "" : slug));

export const CONTENT_NOTICES = [
  "published",
  "combined",
  "restored",
  "file",
  "deleted",
  "delete-error",
  "save-failed",
  "scheduled",
  "scheduled-combined",
  "schedule-cancelled",
  "schedule-too-late",
] as const;

/** When a history action or a delete could not be saved: said on the page it goes back to. */
export const SAVE_FAILED_TEXT =
  "Nothing changed: the server could not save it just now. Try again in a few minutes; if it keeps happening, tell whoever looks after the site.";
export const contentQuerySchema = z.object({
  notice: z.enum(CONTENT_NOTICES).optional().catch(undefined),
  rev: z.coerce.number().int().positive().optional().catch(undefined),
});

export const staffPageHref = (slug: string) => `/staff/content/${slug || "index"}`;
