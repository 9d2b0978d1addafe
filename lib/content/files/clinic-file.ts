import "server-only";
import path from "node:path";
import { clinicSchema, type Clinic } from "@/lib/validations/clinic-schema";
import { CLINIC_FILE, CONTENT_DIR } from "./paths";
import { readYamlFile } from "./read-yaml";

/** Reads and validates content/clinic.yaml; throws a message naming the file and each bad field. */
export function loadClinic(dir: string = CONTENT_DIR): Clinic {
  return readYamlFile(path.join(/*turbopackIgnore: true*/ dir, CLINIC_FILE), clinicSchema);
}
