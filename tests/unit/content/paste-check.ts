import path from "node:path";
import { bulletSlips } from "@/lib/content/checks/slips";
import { checkBody } from "@/lib/content/checks/check-file";
import { catalogueContext, checkComponents } from "@/lib/content/checks/component-check";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";

/**
 * Every problem the site's checks (content:check, the editor, publish) find
 * in a page whose body is `markdown`: unsafe constructs, # headings, images,
 * components, typed bullets. Pasted text must give none.
 */
export function pageProblems(markdown: string): string[] {
  const source = `---\ntitle: Pasted\n---\n\n${markdown}\n`;
  const analysis = analyseMdx(source);
  const publicDir = path.resolve(__dirname, "../../../public");
  return [
    ...checkBody("pasted.mdx", analysis, publicDir),
    ...checkComponents("pasted.mdx", analysis, catalogueContext({}, publicDir)),
    ...bulletSlips("pasted.mdx", markdown),
  ].map((problem) => problem.message);
}
