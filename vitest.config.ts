import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
    globalSetup: ["tests/unit/global-setup.ts"],
    // better-sqlite3 is a native module: separate processes keep each file's database handles apart.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
