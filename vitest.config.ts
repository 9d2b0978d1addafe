import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
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
