import "server-only";
import type { Kysely } from "kysely";
import { latestPageRevisions } from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import type { Problem } from "../types";
import { storedSlugProblem } from "./slug";

/*
 * Pages published in the browser under an address no page may have: an older
 * release checked the address only for new pages, and a tampered form could
 * post any. The site never shows them; content:check names each, so someone
 * deletes it from the staff page list.
 */
export async function storedPageProblems(db: Kysely<Database>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const revision of await latestPageRevisions(db)) {
    const problem = storedSlugProblem(revision.slug);
    if (!problem || revision.action !== "publish") continue;
    problems.push({
      file: `${JSON.stringify(revision.slug)} (published in the browser)`,
      message: `the address ${problem}; the page is hidden from visitors: delete it under /staff/content`,
    });
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}
