import "server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { parseDocument } from "yaml";
import type { Database } from "@/lib/db/types";
import { CLINIC_FILE, CONTENT_DIR } from "./paths";
import { loadSite } from "./site";

/*
 * `npm run content:export`: the pages and clinic details published in the
 * browser, written back into content/ so developers can commit them. Only
 * what differs is written; clinic.yaml is edited in place, so its comments stay.
 */
export type Formatter = (text: string, file: string) => Promise<string>;

export async function exportContent(
  db: Kysely<Database>,
  options: { dir?: string; format: Formatter },
): Promise<string[]> {
  const dir = options.dir ?? CONTENT_DIR;
  const site = await loadSite(db, { dir, includeDrafts: true });
  const written: string[] = [];
  for (const page of site.pages) {
    if (!page.browserEdited || page.source === undefined) continue;
    const file = path.join(dir, `${page.slug || "index"}.mdx`);
    writeFileSync(file, await options.format(page.source, file));
    written.push(file);
  }
  if (site.clinicRevision) {
    const file = path.join(dir, CLINIC_FILE);
    const document = parseDocument(readFileSync(file, "utf8"));
    const before = String(document);
    setAll(document, [], site.clinic);
    const after = String(document);
    if (after !== before) {
      writeFileSync(file, await options.format(after, file));
      written.push(file);
    }
  }
  return written;
}

/** Sets each value where it differs, leaving equal values (and their comments) untouched. */
function setAll(document: ReturnType<typeof parseDocument>, at: string[], value: unknown): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) setAll(document, [...at, key], inner);
    return;
  }
  const current = document.getIn(at);
  const plain =
    current && typeof current === "object" && "toJSON" in current
      ? (current as { toJSON: () => unknown }).toJSON()
      : current;
  if (JSON.stringify(plain) !== JSON.stringify(value)) document.setIn(at, value);
}
