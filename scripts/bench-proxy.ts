/*
 * `npm run bench:proxy`: what Caddy in front costs. Starts the production server (building
 * first if needed) and Caddy with deploy/Caddyfile in front of it (as tests/e2e/caddy.spec.ts
 * does: a loopback port, Caddy's own certificate authority), then loads the static pages from
 * each in turn, with CONNECTIONS clients on keep-alive connections asking for compression as a
 * browser does, and prints requests per second, latency percentiles and bytes per page, and
 * the ratio of the two. The load comes from this process on the same machine. It measures;
 * it asserts nothing.
 */
import http from "node:http";
import https from "node:https";
import os from "node:os";
import { publishedPages } from "../tests/e2e/content-pages";
import { startCaddy } from "../tests/e2e/caddy-server";
import { startBenchServer } from "./bench-setup";

const APP_PORT = 3410;
const PROXY_PORT = 3411;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
// What Chromium sends: next start answers gzip, Caddy zstd.
const HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };
const paths = publishedPages.map((page) => page.path);

type Target = { name: string; base: string; agent: http.Agent };
type Result = { requests: number; failed: number; bytes: number; latencies: number[] };

function get(target: Target, path: string): Promise<{ ok: boolean; bytes: number }> {
  const client = target.base.startsWith("https:") ? https : http;
  return new Promise((resolve) => {
    const request = client.get(
      `${target.base}${path}`,
      { agent: target.agent, headers: HEADERS },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ ok: response.statusCode === 200, bytes }));
        response.on("error", () => resolve({ ok: false, bytes }));
      },
    );
    request.on("error", () => resolve({ ok: false, bytes: 0 }));
  });
}

/** CONNECTIONS loops, each asking for the pages in turn until the time is up. */
async function load(target: Target, seconds: number): Promise<Result> {
  const result: Result = { requests: 0, failed: 0, bytes: 0, latencies: [] };
  const end = performance.now() + seconds * 1000;
  const loop = async (offset: number) => {
    for (let i = offset; performance.now() < end; i++) {
      const started = performance.now();
      const answer = await get(target, paths[i % paths.length] ?? "/");
      result.latencies.push(performance.now() - started);
      result.requests += 1;
      result.bytes += answer.bytes;
      if (!answer.ok) result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => loop(i)));
  return result;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

function summary(name: string, result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    target: name,
    "requests/s": Math.round(result.requests / SECONDS),
    "p50 ms": Number(percentile(sorted, 50).toFixed(1)),
    "p99 ms": Number(percentile(sorted, 99).toFixed(1)),
    "KB/page": Number((result.bytes / Math.max(1, result.requests) / 1024).toFixed(1)),
    failed: result.failed,
  };
}

async function main() {
  // Caddy adds the visitor's address as X-Forwarded-For, which the app trusts from one proxy.
  const app = await startBenchServer({
    port: APP_PORT,
    dataDir: ".bench-data",
    env: { TRUSTED_PROXIES: "1" },
  });
  let caddy: Awaited<ReturnType<typeof startCaddy>> | undefined;
  try {
    const direct = app.base;
    caddy = await startCaddy({ port: PROXY_PORT, upstream: `127.0.0.1:${APP_PORT}` });
    const targets: Target[] = [
      {
        name: "next start (HTTP)",
        base: direct,
        agent: new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS }),
      },
      {
        name: "through Caddy (HTTPS)",
        base: `https://localhost:${PROXY_PORT}`,
        agent: new https.Agent({ keepAlive: true, maxSockets: CONNECTIONS, ca: caddy.ca }),
      },
    ];
    const rows = [];
    for (const target of targets) {
      await load(target, WARM_UP_SECONDS);
      rows.push(summary(target.name, await load(target, SECONDS)));
    }
    const cpus = os.cpus();
    console.log(
      `${cpus.length} × ${cpus[0]?.model ?? "CPU"}, load average ${os.loadavg()[0]?.toFixed(1)} ` +
        `(the load generator, Caddy and next start share them)`,
    );
    console.log(
      `${paths.length} static pages, ${CONNECTIONS} keep-alive connections, ${SECONDS} s each, ` +
        `Accept-Encoding: ${HEADERS["accept-encoding"]}`,
    );
    console.table(rows);
    const [plain, proxied] = rows;
    if (plain && proxied) {
      const ratio = (a: number, b: number) => (a / b).toFixed(2);
      console.log(
        `Through Caddy: ${ratio(proxied["requests/s"], plain["requests/s"])}× the throughput, ` +
          `${ratio(proxied["p99 ms"], plain["p99 ms"])}× the p99 latency of next start alone`,
      );
    }
  } finally {
    await caddy?.stop();
    app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
