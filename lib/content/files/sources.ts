import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { sourcesSchema, type Sources } from "../checks/sources-schema";
import { CONTENT_DIR, SOURCES_FILE } from "./paths";
import { readYamlFile } from "./read-yaml";

/**
 * Reads and validates content/sources.yaml; throws a message naming the file
 * and each bad field. A site without the file simply cites nothing.
 */
export function loadSources(dir: string = CONTENT_DIR): Sources {
  const file = path.join(/*turbopackIgnore: true*/ dir, SOURCES_FILE);
  return existsSync(file) ? readYamlFile(file, sourcesSchema) : {};
}

let cached: Sources | undefined;

/** The cited sources, read once per process: they change only with a deploy. */
export function getSources(): Sources {
  cached ??= loadSources();
  return cached;
}
