import "server-only";
import path from "node:path";

/** Where staff-edited content lives. Tests point loaders at fixture folders instead. */
export const CONTENT_DIR = path.join(process.cwd(), "content");
export const PUBLIC_DIR = path.join(process.cwd(), "public");
export const CLINIC_FILE = "clinic.yaml";
export const SOURCES_FILE = "sources.yaml";
