import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { formatIssues } from "./format-issues";
import { CONTENT_DIR, SOURCES_FILE } from "./paths";
import { sourcesSchema, type Sources } from "./sources-schema";

export { sourceHref, type Source, type Sources } from "./sources-schema";

/**
 * Reads and validates content/sources.yaml; throws a message naming the file
 * and each bad field. A site without the file simply cites nothing.
 */
export function loadSources(dir: string = CONTENT_DIR): Sources {
  const file = path.join(/*turbopackIgnore: true*/ dir, SOURCES_FILE);
  const where = path.relative(process.cwd(), file) || file;
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${where}: could not be read as YAML: ${(error as Error).message}`);
  }
  const result = sourcesSchema.safeParse(raw ?? {});
  if (!result.success) {
    const lines = formatIssues(result.error).map((line) => `  ${line}`);
    throw new Error(`${where} has ${lines.length} problem(s):\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Sources | undefined;

/** The cited sources, read once per process. */
export function getSources(): Sources {
  cached ??= loadSources();
  return cached;
}
