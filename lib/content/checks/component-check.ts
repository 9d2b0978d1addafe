import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  checkProps,
  COMPONENT_CATALOGUE,
  isComponentName,
  type CatalogueContext,
} from "@/lib/validations/component-catalogue";
import { MEDIA_PATTERN } from "../images/media-names";
import type { MdxAnalysis } from "../mdx/mdx-analysis";
import type { Problem } from "../types";
import { didYouMean } from "./did-you-mean";

/*
 * Every component in a page checked against the catalogue, like a form's
 * fields against their schema: its values, what it holds and what holds it.
 * content:check, the editor and publish all come through here.
 */

/** What the catalogue needs to know about this site: the source keys and the images it has. */
export function catalogueContext(
  sources: Record<string, unknown>,
  publicDir: string,
): CatalogueContext {
  return {
    sourceKeys: Object.keys(sources),
    // Uploads are stored in the database, which the upload checked; files must be in public/.
    imageExists: (src) =>
      MEDIA_PATTERN.test(src) ||
      (!src.startsWith("/media/") &&
        existsSync(path.join(/*turbopackIgnore: true*/ publicDir, src))),
    suggest: (typed, candidates) => didYouMean(typed, candidates),
  };
}

const at = (line: number | undefined) => (line ? `line ${line}: ` : "");

export function checkComponents(
  file: string,
  analysis: MdxAnalysis,
  context: CatalogueContext,
): Problem[] {
  const problems: string[] = [];
  for (const use of analysis.components) {
    // Unknown names and HTML are refused by mdx-safety.ts, with a "did you mean".
    if (!isComponentName(use.name)) continue;
    const { holds, inside } = COMPONENT_CATALOGUE[use.name];
    const where = at(use.line);
    for (const message of checkProps(use.name, use.attributes, context))
      problems.push(`${where}${message}`);
    const holdsSomething = use.childNames.length > 0 || use.hasOtherContent;
    if (holds === "nothing" && holdsSomething) {
      problems.push(
        `${where}${use.name} holds nothing: write it as <${use.name} … /> with the slash, and put any text outside it`,
      );
    } else if (holds === "numbered list" && (!use.hasNumberedList || use.childNames.length > 0)) {
      problems.push(
        `${where}${use.name} holds one numbered list: a line starting "1. ", then "2. ", with a blank line after <${use.name}> and before </${use.name}>`,
      );
    } else if (typeof holds === "object") {
      const allowed = holds.only.map((n) => `<${n}>`).join(" or ");
      const stray = use.childNames.filter((n) => !holds.only.includes(n));
      if (use.hasOtherContent || stray.length > 0)
        problems.push(
          `${where}${use.name} holds only ${allowed}: put the text inside one${stray.length > 0 ? ` (it has <${stray.join(">, <")}>)` : ""}`,
        );
    }
    if (inside && use.parent !== inside) {
      problems.push(
        `${where}${use.name} must be inside <${inside}>: put it between <${inside}> and </${inside}>`,
      );
    }
  }
  return problems.map((message) => ({ file, message }));
}
