import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";

/*
 * Caddy in front of a spec's own server, running deploy/Caddyfile unchanged. What only a test
 * machine needs is in a wrapper that imports it: Caddy's own certificate authority instead of a
 * public one (`local_certs`, kept out of the system's trust store), no admin endpoint, no
 * HTTP-to-HTTPS redirect (it would need port 80), and every file Caddy writes in a temporary
 * folder. The site answers on a loopback port under each of `hosts`.
 */
export const DEPLOY_CADDYFILE = path.resolve("deploy", "Caddyfile");

export type CaddyProxy = {
  /** Caddy's root certificate, so a client can check the site's certificate rather than skip it. */
  ca: Buffer;
  output: () => string;
  stop: () => Promise<void>;
};

const running = new Set<CaddyProxy>();

/** Stops every Caddy a spec started, also when a test failed half-way. */
export async function stopAllProxies(): Promise<void> {
  await Promise.all([...running].map((proxy) => proxy.stop()));
}

export async function startCaddy(options: {
  port: number;
  /** APP_UPSTREAM: where the app listens. */
  upstream: string;
  hosts?: string[];
  /** A site file other than deploy/Caddyfile (a variant of it). */
  site?: string;
  env?: Record<string, string>;
}): Promise<CaddyProxy> {
  const hosts = options.hosts ?? ["localhost", "127.0.0.1", "[::1]"];
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-caddy-"));
  const wrapper = path.join(dir, "Caddyfile");
  const storage = path.join(dir, "storage");
  writeFileSync(
    wrapper,
    [
      "{",
      "\tadmin off",
      "\tlocal_certs",
      "\tskip_install_trust",
      "\tauto_https disable_redirects",
      `\tstorage file_system ${storage}`,
      "\tgrace_period 5s",
      "}",
      `import ${options.site ?? DEPLOY_CADDYFILE}`,
      "",
    ].join("\n"),
  );
  let output = "";
  const caddy: ChildProcess = spawn(
    "caddy",
    ["run", "--config", wrapper, "--adapter", "caddyfile"],
    {
      env: {
        ...process.env,
        HOME: dir,
        XDG_CONFIG_HOME: dir,
        XDG_DATA_HOME: dir,
        SITE_ADDRESS: hosts.map((host) => `${host}:${options.port}`).join(", "),
        APP_UPSTREAM: options.upstream,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  caddy.on("error", (error) => (output += `caddy could not start: ${error.message}\n`));
  caddy.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  caddy.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<void>((resolve) => caddy.once("close", () => resolve()));
  const stop = async () => {
    running.delete(proxy);
    if (caddy.exitCode === null && caddy.signalCode === null) {
      caddy.kill("SIGTERM");
      const killer = setTimeout(() => caddy.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const rootCertificate = path.join(storage, "pki", "authorities", "local", "root.crt");
  const proxy: CaddyProxy = {
    ca: Buffer.alloc(0),
    output: () => output,
    stop,
  };
  running.add(proxy);
  // Up when it answers /healthz from the app over HTTPS with a certificate from its own authority.
  // A plain loop rather than expect.poll: scripts/bench-proxy.ts starts Caddy outside a test.
  const url = `https://${hosts[0]}:${options.port}/healthz`;
  for (let waited = 0; ; waited += 200) {
    if (caddy.exitCode !== null || caddy.signalCode !== null) {
      await stop();
      throw new Error(`Caddy exited (is it installed? scripts/test-prerequisites.sh):\n${output}`);
    }
    if (existsSync(rootCertificate)) {
      proxy.ca = readFileSync(rootCertificate);
      const status = await rawGet(url, {}, proxy.ca).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
    }
    if (waited > 30_000) {
      await stop();
      throw new Error(`Caddy did not answer ${url} with 200 within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return proxy;
}

export type RawResponse = {
  status: number;
  /** Every header line as sent, so a repeated header shows as two entries. */
  headers: [string, string][];
  /** The body's bytes as sent, not decoded. */
  body: Buffer;
};

/** All values of one response header, as separate lines. */
export const headerValues = (response: RawResponse, name: string) =>
  response.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

/**
 * A GET with exactly the given headers (no Accept-Encoding unless given) whose answer is left
 * as sent: fetch and browsers decode a body before a test could see how it was encoded.
 */
export function rawGet(url: string, headers: Record<string, string>, ca?: Buffer) {
  return new Promise<RawResponse>((resolve, reject) => {
    const client = url.startsWith("https:") ? https : http;
    const request = client.get(url, { headers, ca, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = response.rawHeaders;
        const pairs: [string, string][] = [];
        for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] ?? "", raw[i + 1] ?? ""]);
        resolve({ status: response.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
