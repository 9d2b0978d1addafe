import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * deploy/Caddyfile, read by Caddy's own parser (`caddy adapt` turns it into the JSON Caddy runs).
 * Caddy is a test prerequisite like Chromium (scripts/test-prerequisites.sh installs Debian's);
 * without it these tests fail and say so. What it does with real requests is
 * tests/e2e/caddy.spec.ts's to show.
 */
const CADDYFILE = path.join(process.cwd(), "deploy", "Caddyfile");

function caddy(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync("caddy", args, {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  if (run.error) {
    throw new Error(
      `caddy could not run (${run.error.message}): run scripts/test-prerequisites.sh, ` +
        "which installs Debian's caddy package, or install Caddy by hand",
    );
  }
  return run;
}

/** The configuration Caddy would run, as JSON text. */
function adapted(env: Record<string, string>): string {
  const run = caddy(["adapt", "--config", CADDYFILE, "--adapter", "caddyfile"], env);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Where deploy/clinic-website.service starts the app: the address Caddy on that host must use. */
function unitAddress(): string {
  const unit = readFileSync(path.join(process.cwd(), "deploy", "clinic-website.service"), "utf8");
  const port = /^Environment=PORT=(\d+)$/m.exec(unit)?.[1];
  const host = /^ExecStart=.*--hostname (\S+)/m.exec(unit)?.[1];
  if (!port || !host) throw new Error("clinic-website.service names no PORT or --hostname");
  return `${host}:${port}`;
}

describe("deploy/Caddyfile", () => {
  it("is formatted as `caddy fmt` writes it (Caddy warns about anything else at start)", () => {
    const run = caddy(["fmt", CADDYFILE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(CADDYFILE, "utf8"));
  });

  it("serves SITE_ADDRESS and, by default, the app where the systemd unit starts it", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org" });
    expect(json).toContain('"host":["clinic.example.org"]');
    expect(json).toContain(`"dial":"${unitAddress()}"`);
  });

  it("takes the app's address from APP_UPSTREAM (compose.yaml's app:3000)", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org", APP_UPSTREAM: "app:3000" });
    expect(json).toContain('"dial":"app:3000"');
    expect(json).not.toContain(unitAddress());
  });

  it("compresses with zstd and gzip and sends the app no Accept-Encoding, so only Caddy encodes", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org" });
    expect(json).toContain(
      '"encodings":{"gzip":{},"zstd":{}},"handler":"encode","prefer":["zstd","gzip"]',
    );
    expect(json).toContain('"delete":["Accept-Encoding"]');
  });

  it("gives each request a new X-Request-Id, replacing one a visitor sends", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org" });
    expect(json).toContain('"set":{"X-Request-Id":["{http.request.uuid}"]}');
  });

  it("adds no security header and removes none: they are the app's, per page", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org" }).toLowerCase();
    for (const name of [
      "content-security-policy",
      "strict-transport-security",
      "x-frame-options",
    ]) {
      expect(json).not.toContain(name);
    }
  });

  it("logs requests as JSON on stdout without the visitor's address or a link's token", () => {
    const json = adapted({ SITE_ADDRESS: "clinic.example.org" });
    expect(json).toContain('"output":"stdout"');
    expect(json).toContain('"wrap":{"format":"json"}');
    for (const field of ["request\\u003eremote_ip", "request\\u003eclient_ip"]) {
      expect(json).toContain(`"${field}":{"filter":"delete"}`);
    }
    expect(json).toContain('"parameter":"token","type":"replace"');
  });
});
