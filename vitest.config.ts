import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * A test that reads the site or clinic details without a DATA_DIR of its own
 * gets this empty one, never the checkout's ./data (the default): a database
 * left there would be traced into the next build's standalone folder.
 * tests/unit/global-setup.ts removes it after the run.
 */
const unitDataDir = mkdtempSync(path.join(tmpdir(), "clinic-unit-data-"));

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests run server modules outside a React Server Components bundle, which is where the
      // marker is allowed; what a client file imports is checked in tests/unit/client-boundaries.test.ts.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    env: { DATA_DIR: unitDataDir },
    globalSetup: ["tests/unit/global-setup.ts"],
    // better-sqlite3 is a native module: separate processes keep each file's database handles apart.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
