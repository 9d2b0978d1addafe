import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./001-initial";

/*
 * Migrations are imported statically: a bundled Next.js server has no
 * migrations folder to read at run time. Add new ones below, in order.
 */
const migrations: Record<string, Migration> = {
  "001-initial": initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
