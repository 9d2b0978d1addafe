import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { RESERVED_SLUGS, slugProblem } from "../checks/slug";
import type { PageInput, Problem } from "../types";
import { CONTENT_DIR } from "./paths";

/** The MDX files in content/, with file names that cannot be addresses reported. */
export function readContentFiles(dir: string = CONTENT_DIR): {
  pages: PageInput[];
  errors: Problem[];
} {
  const pages: PageInput[] = [];
  const errors: Problem[] = [];
  for (const name of readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((n) => n.endsWith(".mdx"))
    .sort()) {
    const file = path.relative(process.cwd(), path.join(/*turbopackIgnore: true*/ dir, name));
    const slug = name === "index.mdx" ? "" : name.slice(0, -4);
    const problem = slug ? slugProblem(slug) : undefined;
    if (problem) {
      errors.push({
        file,
        message: RESERVED_SLUGS.has(slug)
          ? `the name "${slug}" is used by the site itself: choose another file name`
          : "file name must be lower-case words joined by hyphens, like new-topic.mdx (it becomes the address)",
      });
      continue;
    }
    pages.push({
      file,
      slug,
      source: readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8"),
    });
  }
  return { pages, errors };
}
