import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { formatIssues } from "../checks/format-issues";

/**
 * Reads a YAML file and validates it; throws one message naming the file
 * and each bad field, so the build or content:check says what to change.
 */
export function readYamlFile<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const where = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (error) {
    throw new Error(`${where}: could not be read as YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    const lines = formatIssues(result.error).map((line) => `  ${line}`);
    throw new Error(`${where} has ${lines.length} problem(s):\n${lines.join("\n")}`);
  }
  return result.data;
}
