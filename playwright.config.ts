import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT, e2eServerEnv } from "./tests/e2e/server-env";

const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // Test code reads the database and content directly, outside React's server bundle, where
  // the server-only marker is allowed: this tsconfig maps it to its empty build.
  tsconfig: "./tests/e2e/tsconfig.json",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      // The machine has no outside network: stop Chromium's own background calls home.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /staff-editor\.spec/ },
    // Editing changes what visitors see, so these journeys start after every other spec is done.
    {
      name: "staff-editor",
      use: { browserName: "chromium" },
      testMatch: /staff-editor\.spec/,
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    // Journeys run against the production build, on a throwaway data directory.
    command: `rm -rf ${e2eServerEnv.DATA_DIR} && npm run build && npx next start --port ${E2E_PORT}`,
    url: `${E2E_BASE_URL}/robots.txt`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE === "1",
    env: e2eServerEnv,
    stdout: "ignore",
    stderr: "pipe",
  },
});
