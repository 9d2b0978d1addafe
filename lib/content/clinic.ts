import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { clinicSchema, type Clinic } from "@/lib/validations/clinic-schema";
import { formatIssues } from "./format-issues";
import { liveContent } from "./live-content";
import { CLINIC_FILE, CONTENT_DIR } from "./paths";

export type { Clinic } from "@/lib/validations/clinic-schema";

/** Reads and validates content/clinic.yaml; throws a message naming the file and each bad field. */
export function loadClinic(dir: string = CONTENT_DIR): Clinic {
  const file = path.join(/*turbopackIgnore: true*/ dir, CLINIC_FILE);
  const where = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${where}: could not be read as YAML: ${(error as Error).message}`);
  }
  const result = clinicSchema.safeParse(raw);
  if (!result.success) {
    const lines = formatIssues(result.error).map((line) => `  ${line}`);
    throw new Error(`${where} has ${lines.length} problem(s):\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Clinic | undefined;

/** The clinic facts: the newest published in the browser, else content/clinic.yaml. */
export function getClinic(): Clinic {
  const live = liveContent();
  if (live) return live.clinic;
  cached ??= loadClinic();
  return cached;
}

/** "Jordan Ellery, L.Ac.": the practitioner as pages name them, and the default reviewer. */
export function practitionerName({ practitioner }: Pick<Clinic, "practitioner">): string {
  return `${practitioner.name}, ${practitioner.credentials}`;
}

/** Ends a fact with a full stop unless it has one already, as credentials like "L.Ac." do. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
