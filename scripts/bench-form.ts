import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

/*
 * `npm run bench:form -- --requests 2000 --concurrency 20`: posts valid
 * consultation requests to the production server exactly as a browser without
 * JavaScript would (multipart form with the server action's hidden fields), on
 * a throwaway SQLite database, and reports throughput, latency and rows stored.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "20" },
    port: { type: "string", default: "0" },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
let PORT = Number(args.port);
let BASE = "";
const DIST = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

function ensureBuild(): void {
  if (existsSync(path.join(DIST, "BUILD_ID"))) return;
  console.info(`No production build in ${DIST}: building first…`);
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) throw new Error("next build failed");
}

/** A port nobody is listening on, so the benchmark never measures someone else's server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  PORT ||= await freePort();
  BASE = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SMTP_URL: "",
      CONSULTATION_MIN_FILL_SECONDS: "0",
      CONSULTATION_RATE_LIMIT: "1000000/1",
    },
  });
  for (let i = 0; i < 200; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (server.exitCode !== null)
      throw new Error(`The server exited during start-up (is port ${PORT} taken?)`);
    const ok = await fetch(`${BASE}/robots.txt`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return server;
  }
  throw new Error("The server did not start within 20 seconds");
}

/** The form's hidden inputs: server action id and state, signed token, idempotency key. */
async function readHiddenFields(): Promise<[string, string][]> {
  const html = await (await fetch(`${BASE}/consultation`)).text();
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const fields: [string, string][] = [];
  for (const match of html.matchAll(
    /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g,
  )) {
    fields.push([decode(match[1] ?? ""), decode(match[2] ?? "")]);
  }
  if (!fields.some(([name]) => name.startsWith("$ACTION")))
    throw new Error("No server action found in the form");
  return fields;
}

const VISITOR: [string, string][] = [
  ["fullName", "Bench Visitor"],
  ["email", "bench@example.com"],
  ["preferredContact", "email"],
  ["painArea", "lower-back"],
  ["painDuration", "over-3-months"],
  ["preferredTimes", "weekday-morning"],
  ["firstVisit", "yes"],
  ["consent", "yes"],
  ["message", "Benchmark request."],
];

async function submitOnce(hidden: [string, string][]): Promise<number> {
  const form = new FormData();
  for (const [name, value] of hidden)
    form.append(name, name === "idempotencyKey" ? randomUUID() : value);
  for (const [name, value] of VISITOR) form.append(name, value);
  const started = performance.now();
  const response = await fetch(`${BASE}/consultation`, {
    method: "POST",
    body: form,
    headers: { origin: BASE },
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok || !/BP-[A-Z0-9]{6}/.test(body))
    throw new Error(`Unexpected answer: HTTP ${response.status}`);
  return elapsed;
}

async function run(
  hidden: [string, string][],
  total: number,
): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next += 1;
      try {
        latencies.push(await submitOnce(hidden));
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-bench-"));
  const server = await startServer(dataDir);
  try {
    const hidden = await readHiddenFields();
    const warmUp = Math.min(200, REQUESTS);
    await run(hidden, warmUp);
    const { latencies, errors, seconds } = await run(hidden, REQUESTS);
    const sorted = [...latencies].sort((a, b) => a - b);
    const db = new Database(path.join(dataDir, "clinic.sqlite"), { readonly: true });
    const stored = (
      db.prepare("SELECT count(*) AS n FROM consultation_requests WHERE status = 'new'").get() as {
        n: number;
      }
    ).n;
    db.close();
    console.info(`requests sent:   ${REQUESTS} (+${warmUp} warm-up) at concurrency ${CONCURRENCY}`);
    console.info(`errors:          ${errors}`);
    console.info(`throughput:      ${(REQUESTS / seconds).toFixed(0)} submissions/s`);
    console.info(`latency p50:     ${percentile(sorted, 50).toFixed(1)} ms`);
    console.info(`latency p99:     ${percentile(sorted, 99).toFixed(1)} ms`);
    console.info(
      `rows stored:     ${stored} of ${REQUESTS + warmUp} sent (${stored === REQUESTS + warmUp ? "all" : "MISMATCH"})`,
    );
    if (errors > 0 || stored !== REQUESTS + warmUp) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
