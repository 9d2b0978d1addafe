import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

/*
 * `npm run bench:form -- --requests 2000 --concurrency 10 [--instances 2]`:
 * posts valid consultation requests to the production server exactly as a
 * browser without JavaScript would (multipart form with the server action's
 * hidden fields), on a throwaway SQLite database, and reports throughput,
 * latency and rows stored. With --instances N, N servers share the one
 * database file and the requests go round-robin, as behind a load balancer.
 * With --javascript the posts are the ones React sends when JavaScript runs
 * (checked against Chromium's own request): the same fields, prefixed as
 * React encodes a FormData argument, the previous state, and the action id in
 * a header; the answer is the action's result, not a whole page.
 *
 * `--against ../other-checkout` (built with `next build`) compares two builds
 * on one machine: both run side by side, the timed posts alternate between
 * them in six rounds, and each gets its throughput and the server CPU time it
 * spent per post. A shared machine speeds up and slows down over minutes, so
 * figures taken at different times differ by a third; alternating cancels that.
 */
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "10" },
    instances: { type: "string", default: "1" },
    javascript: { type: "boolean", default: false },
    against: { type: "string" },
  },
});
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const INSTANCES = Number(args.instances);
const JAVASCRIPT = args.javascript;
const DIST = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
const HAS_PROC = existsSync("/proc/self/stat");

function ensureBuild(): void {
  if (existsSync(path.join(DIST, "BUILD_ID"))) {
    if (args.against && !existsSync(path.join(args.against, ".next", "BUILD_ID")))
      throw new Error(`No production build in ${args.against}: run next build there first`);
    return;
  }
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

async function startServer(
  dataDir: string,
  base: string,
  port: number,
  cwd: string,
): Promise<ChildProcess> {
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SMTP_URL: "",
      CONSULTATION_MIN_FILL_SECONDS: "0",
      CONSULTATION_RATE_LIMIT: "1000000/1",
      CONSULTATION_GLOBAL_LIMIT: "1000000/1",
    },
  });
  for (let i = 0; i < 200; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (server.exitCode !== null)
      throw new Error(`The server exited during start-up (is port ${port} taken?)`);
    const ok = await fetch(`${base}/robots.txt`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return server;
  }
  throw new Error("The server did not start within 20 seconds");
}

/** The form's hidden inputs: server action id and state, signed token, idempotency key. */
async function readHiddenFields(base: string): Promise<[string, string][]> {
  const html = await (await fetch(`${base}/consultation`)).text();
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

/*
 * One server, the action its form posts to, and forms fetched ahead of the
 * timed run: each form's signed token is bound to its idempotency key, so a
 * post needs a form of its own, as a visitor's would (a reused token is spam).
 */
type Target = { base: string; forms: [string, string][][]; action: BoundAction };
type BoundAction = { id: string; initialState: string };

/** The action id and the form's starting state, both carried in React's hidden inputs. */
function boundAction(hidden: [string, string][]): BoundAction {
  const value = (pattern: RegExp) => hidden.find(([name]) => pattern.test(name))?.[1] ?? "";
  const { id } = JSON.parse(value(/^\$ACTION_\d+:0$/)) as { id: string };
  const [state] = JSON.parse(value(/^\$ACTION_\d+:1$/)) as unknown[];
  return { id, initialState: JSON.stringify(state) };
}

/* The body a browser sends, encoded by hand so the client spends as little of the shared CPU as possible. */
function multipartBody(
  hidden: [string, string][],
  action: BoundAction,
): { body: string; type: string } {
  const boundary = `----bench${randomUUID().replaceAll("-", "")}`;
  const fields = [...hidden, ...VISITOR].map(([name, value]): [string, string] => [
    JAVASCRIPT ? `_1_${name}` : name,
    value,
  ]);
  // React's encoding of the arguments (previous state, form data): "$K1" points at the _1_ fields.
  if (JAVASCRIPT) fields.push(["0", `[${action.initialState},"$K1"]`]);
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: `${parts.join("")}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function submitOnce(target: Target): Promise<number> {
  const { base, action } = target;
  const hidden = target.forms.pop();
  if (!hidden) return Promise.reject(new Error("No form left for this post"));
  const { body, type } = multipartBody(hidden, action);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}/consultation`,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": type,
          "content-length": Buffer.byteLength(body),
          origin: base,
          ...(JAVASCRIPT ? { accept: "text/x-component", "next-action": action.id } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          const elapsed = performance.now() - started;
          if (response.statusCode === 200 && /BP-[A-Z0-9]{6}/.test(text)) resolve(elapsed);
          else reject(new Error(`Unexpected answer: HTTP ${response.statusCode}`));
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function run(
  targets: Target[],
  total: number,
): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const target = targets[next % targets.length] as Target;
      next += 1;
      try {
        latencies.push(await submitOnce(target));
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

/** One build under test: its servers on one throwaway database, and what its timed posts gave. */
type Side = {
  label: string;
  dataDir: string;
  servers: ChildProcess[];
  targets: Target[];
  latencies: number[];
  errors: number;
  seconds: number;
  cpuMs: number;
  sent: number;
};

async function startSide(label: string, cwd: string, sides: Side[]): Promise<Side> {
  const side: Side = {
    label,
    dataDir: mkdtempSync(path.join(tmpdir(), "clinic-bench-")),
    servers: [],
    targets: [],
    latencies: [],
    errors: 0,
    seconds: 0,
    cpuMs: 0,
    sent: 0,
  };
  sides.push(side); // before the servers start, so a failed start still cleans up
  for (let i = 0; i < INSTANCES; i += 1) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    side.servers.push(await startServer(side.dataDir, base, port, cwd));
    const hidden = await readHiddenFields(base);
    side.targets.push({ base, forms: [], action: boundAction(hidden) });
  }
  return side;
}

/** Untimed: one fresh form per post, fetched a few at a time. */
async function fetchForms(side: Side, count: number): Promise<void> {
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, k) => {
      const target = side.targets[(i + k) % side.targets.length] as Target;
      return readHiddenFields(target.base).then((form) => target.forms.push(form));
    });
    await Promise.all(batch);
  }
}

/** User and system CPU time of the side's servers so far, from /proc (Linux), in ms; NaN elsewhere. */
function serverCpuMs(side: Side): number {
  if (!HAS_PROC) return NaN;
  let ms = 0;
  for (const server of side.servers) {
    const stat = readFileSync(`/proc/${server.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }
  return ms;
}

async function timedPosts(side: Side, count: number): Promise<void> {
  await fetchForms(side, count);
  const cpuBefore = serverCpuMs(side);
  const { latencies, errors, seconds } = await run(side.targets, count);
  side.cpuMs += serverCpuMs(side) - cpuBefore;
  side.latencies.push(...latencies);
  side.errors += errors;
  side.seconds += seconds;
  side.sent += count;
}

function storedRows(side: Side): number {
  const db = new Database(path.join(side.dataDir, "clinic.sqlite"), { readonly: true });
  try {
    const row = db
      .prepare("SELECT count(*) AS n FROM consultation_requests WHERE status = 'new'")
      .get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  ensureBuild();
  const sides: Side[] = [];
  try {
    await startSide("this tree", ".", sides);
    if (args.against) await startSide(args.against, args.against, sides);
    const warmUp = Math.min(200 * INSTANCES, REQUESTS);
    for (const side of sides) {
      await fetchForms(side, warmUp);
      await run(side.targets, warmUp);
    }
    const rounds = sides.length > 1 ? 6 : 1;
    for (let round = 0; round < rounds; round += 1) {
      const share = Math.floor(REQUESTS / rounds) + (round < REQUESTS % rounds ? 1 : 0);
      // Alternate who goes first, so neither always follows the other's load.
      for (const side of round % 2 === 0 ? sides : [...sides].reverse())
        await timedPosts(side, share);
    }
    console.info(
      `requests sent:   ${REQUESTS} (+${warmUp} warm-up) at concurrency ${CONCURRENCY}${JAVASCRIPT ? ", as with JavaScript," : ", without JavaScript,"} to ${INSTANCES} server${INSTANCES === 1 ? "" : "s"}${sides.length > 1 ? " per build, alternating in six rounds" : ""}`,
    );
    for (const side of sides) {
      const sorted = [...side.latencies].sort((a, b) => a - b);
      const stored = storedRows(side);
      if (sides.length > 1) console.info(`\n${side.label}`);
      console.info(`errors:          ${side.errors}`);
      console.info(`throughput:      ${(side.sent / side.seconds).toFixed(0)} submissions/s`);
      console.info(`latency p50:     ${percentile(sorted, 50).toFixed(1)} ms`);
      console.info(`latency p99:     ${percentile(sorted, 99).toFixed(1)} ms`);
      console.info(`server CPU:      ${(side.cpuMs / side.sent).toFixed(2)} ms per submission`);
      console.info(
        `rows stored:     ${stored} of ${side.sent + warmUp} sent (${stored === side.sent + warmUp ? "all" : "MISMATCH"})`,
      );
      if (side.errors > 0 || stored !== side.sent + warmUp) process.exitCode = 1;
    }
  } finally {
    agent.destroy();
    for (const side of sides) {
      for (const server of side.servers) server.kill("SIGTERM");
      rmSync(side.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
