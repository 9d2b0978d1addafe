/*
 * What every bench script stands on. The production server it measures:
 * built first when there is no build (NEXT_DIST_DIR, as `next build` uses
 * it), started with `next start` on its own port and data folder, and waited
 * for until it answers its health check; `stop` ends it with everything it
 * started. And the browser: Debian's Chromium where it is installed.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

export interface BenchServer {
  base: string;
  stop: () => void;
}

export async function startBenchServer(options: {
  port: number;
  /** Emptied first, so each run starts from the files in content/ alone, unless `seeded`. */
  dataDir: string;
  /** The bench put what it measures in the data folder before the start: keep it. */
  seeded?: boolean;
  /** How the bench reaches it: localhost when it signs in (the session cookie's host). */
  host?: "127.0.0.1" | "localhost";
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (!options.seeded) rmSync(options.dataDir, { recursive: true, force: true });
  const base = `http://${options.host ?? "127.0.0.1"}:${options.port}`;
  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(options.port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATA_DIR: options.dataDir,
        SITE_URL: base,
        ...options.env,
      },
      stdio: "ignore",
      detached: true,
    },
  );
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { base, stop };
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`The server at ${base} did not start (try it with npm start to see why)`);
}

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
