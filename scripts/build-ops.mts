/*
 * Runs after `next build` (npm run build): bundles the operational commands
 * into <distDir>/standalone/ops/*.mjs, so the standalone folder (and the image
 * the Dockerfile makes of it) runs them with plain `node` and no dev dependency.
 *
 * Why a bundle and not Node's own type stripping: the commands import lib/,
 * which uses the `@/` alias, extensionless imports and JSON imports without
 * `with { type: "json" }`; Node resolves none of these, and tsx is a dev
 * dependency. This file imports nothing from lib/, so Node runs it as it is.
 *
 * `--conditions=react-server` (as the npm scripts run them under tsx) lets a
 * command load modules marked `server-only`. Packages with native code stay
 * outside the bundle and load from the standalone node_modules that Next.js
 * traced for the server; the build fails if one of them is not there.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

// Need the checkout (content files to check or create, a browser, the build): never in the image.
const DEVELOPER_ONLY = [/^content:(check|new)$/, /^bench:/];
const TSX_SCRIPT = /^tsx --conditions=react-server scripts\/([\w-]+)\.ts$/;

/**
 * The operational commands, npm script name → file name in scripts/: every
 * package.json script run through tsx that is not for developers only, so a
 * new command (db:restore) is bundled without being listed twice.
 */
export function opsCommands(scripts: Record<string, string>): Map<string, string> {
  const commands = new Map<string, string>();
  for (const [name, command] of Object.entries(scripts)) {
    const file = TSX_SCRIPT.exec(command)?.[1];
    if (file && !DEVELOPER_ONLY.some((rule) => rule.test(name))) commands.set(name, file);
  }
  return commands;
}

// Native code (or, for pg, an optional native binding): loaded, not bundled.
const EXTERNAL = ["better-sqlite3", "pg", "sharp", "@node-rs/argon2"];

// As next.config.ts: a second build (a helper, a benchmark) has a folder of its own.
const standalone = path.resolve(process.env.NEXT_DIST_DIR || ".next", "standalone");
const opsDir = path.join(standalone, "ops");

async function main(): Promise<void> {
  if (!existsSync(path.join(standalone, "server.js"))) {
    throw new Error(
      `${standalone}/server.js is missing: run next build first (output: standalone)`,
    );
  }
  removeData();
  rmSync(opsDir, { recursive: true, force: true });
  await build({
    entryPoints: [...opsCommands(packageScripts()).values()].map((name) => ({
      in: path.join("scripts", `${name}.ts`),
      out: name,
    })),
    outdir: opsDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    conditions: ["react-server"],
    external: EXTERNAL,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: 'import { createRequire as __opsRequire } from "node:module"; const require = __opsRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  const missing = EXTERNAL.filter((name) => {
    try {
      createRequire(path.join(opsDir, "x.mjs")).resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(
      `Not in ${standalone}/node_modules: ${missing.join(", ")}. The server no longer loads it, so Next.js did not trace it: add it to outputFileTracingIncludes in next.config.ts or drop it from EXTERNAL here.`,
    );
  }
  console.log(`Operational commands bundled into ${path.relative(process.cwd(), opsDir)}/.`);
}

// A database, its WAL, the data folder's secret, a backup: data, never part of a build.
const DATA_FILE = /(^|\/)(app-secret|[^/]*\.sqlite(-wal|-shm|-journal)?|[^/]*\.age)$/;

/*
 * Tracing follows the default DATA_DIR (./data, from lib/env.ts) from
 * instrumentation and copies whatever database a developer's `npm start` or a
 * test left there into the standalone folder, the folder that ships;
 * outputFileTracingExcludes does not reach instrumentation's trace, so the data
 * is removed here, after every build.
 */
function removeData(): void {
  const found = readdirSync(standalone, { recursive: true, encoding: "utf8" }).filter(
    (file) => !file.startsWith("node_modules/") && DATA_FILE.test(file),
  );
  for (const file of found) rmSync(path.join(standalone, file), { force: true });
  if (found.length > 0) {
    console.log(`Removed from ${standalone} (data, never shipped): ${found.join(", ")}`);
  }
}

function packageScripts(): Record<string, string> {
  return (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> })
    .scripts;
}

// Run as a command (npm run build); imported by tests for opsCommands alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`build-ops: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
