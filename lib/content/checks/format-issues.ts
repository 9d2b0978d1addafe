import type { z } from "zod";

/** "title: is required" lines, one per zod issue, for messages that name the field. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(file)";
    return `${field}: ${issue.message}`;
  });
}
