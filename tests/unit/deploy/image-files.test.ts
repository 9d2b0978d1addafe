import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { opsCommands } from "../../../scripts/build-ops.mts";
import {
  copiesFromStages,
  parseDockerfile,
  readDockerfile,
  runtimeStage,
  stageValues,
  type Stage,
  workdir,
} from "../../shared/dockerfile";

/*
 * The Dockerfile, .dockerignore, compose.yaml and .env.example hold the promises the README makes
 * for the image; no container engine runs on these machines, so these are read, not run.
 * tests/e2e/standalone.spec.ts runs what the runtime stage copies.
 */
const stages = readDockerfile();
const runtime = runtimeStage(stages);
const packageScripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

type Service = {
  image?: string;
  build?: unknown;
  env_file?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  restart?: string;
  profiles?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
};
const compose = parse(readFileSync("compose.yaml", "utf8")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};

/** ARG and ENV names, in every stage, that look like they hold a secret. */
function secretLikeSettings(all: Stage[]): string[] {
  const names = all.flatMap((stage) =>
    stage.instructions
      .filter((i) => i.keyword === "ARG" || i.keyword === "ENV")
      .flatMap((i) => [...i.args.matchAll(/(?:^|\s)([A-Za-z_][\w]*)(?==|\s|$)/g)].map((m) => m[1])),
  );
  return names.filter(
    (name): name is string =>
      name !== undefined &&
      /SECRET|PASSWORD|TOKEN|KEY|SMTP_URL|DATABASE_URL|CREDENTIAL/i.test(name),
  );
}

describe("the Dockerfile", () => {
  it("builds in stages on Node.js 24 LTS (Debian bookworm, slim), installing with npm ci", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    for (const stage of stages) expect(stage.image).toBe("node:24-bookworm-slim");
    expect(stageValues(stages[0] as Stage, "RUN").join("\n")).toMatch(/^npm ci\b/m);
    expect(stageValues(stages[1] as Stage, "RUN")).toContain("npm run build");
  });

  it("runs as a user other than root, with DATA_DIR a volume owned by that user", () => {
    const user = stageValues(runtime, "USER").at(-1) ?? "root";
    expect(["root", "0", "0:0"]).not.toContain(user);
    expect(stageValues(runtime, "ENV").join(" ")).toMatch(/\bDATA_DIR=\/data\b/);
    expect(stageValues(runtime, "VOLUME")).toEqual(["/data"]);
    // A new volume takes the image folder's owner: /data is made for the user before VOLUME.
    const made = stageValues(runtime, "RUN").join(" ");
    expect(made).toMatch(new RegExp(`install -d -o ${user} -g ${user} -m 0700 /data`));
  });

  it("asks /healthz with Node's fetch (the slim image has no curl), and exposes port 3000", () => {
    const [check] = stageValues(runtime, "HEALTHCHECK");
    expect(check).toMatch(/CMD \["node", "-e", "fetch\(.*\/healthz`\)/);
    expect(check).not.toMatch(/curl|wget/);
    expect(stageValues(runtime, "EXPOSE")).toEqual(["3000"]);
    expect(stageValues(runtime, "ENV").join(" ")).toMatch(/\bHOSTNAME=0\.0\.0\.0\b/);
  });

  it("has a health check command that passes on a 200 from /healthz and fails otherwise", async () => {
    const [check = ""] = stageValues(runtime, "HEALTHCHECK");
    const [program = "", ...args] = JSON.parse(
      / CMD (\[.*\])$/.exec(check)?.[1] ?? "[]",
    ) as string[];
    let status = 200;
    const server = createServer((request, response) => {
      response.statusCode = request.url === "/healthz" ? status : 404;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const exitCode = (onPort: number) =>
      new Promise<number>((resolve) =>
        execFile(program, args, { env: { ...process.env, PORT: String(onPort) } }, (error) =>
          resolve(error ? Number(error.code) : 0),
        ),
      );
    try {
      expect(program).toBe("node");
      expect(await exitCode(port)).toBe(0);
      status = 503;
      expect(await exitCode(port)).toBe(1);
    } finally {
      server.close();
    }
    // Nothing listening: unhealthy, not a hang.
    expect(await exitCode(1)).toBe(1);
  });

  it("migrates with the bundled command, then starts the standalone server as its own process", () => {
    const migrate = opsCommands(packageScripts).get("db:migrate");
    expect(migrate).toBe("db-migrate");
    expect(stageValues(runtime, "CMD")).toEqual([
      `["sh", "-c", "node ops/${migrate}.mjs && exec node server.js"]`,
    ]);
  });

  it("gets every tsx command bundled but the developers' own (benchmarks, content:check and :new)", () => {
    const ops = [...opsCommands(packageScripts).keys()];
    for (const name of ["db:migrate", "db:backup", "db:restore", "content:export", "staff:invite"])
      expect(ops).toContain(name);
    for (const name of ops) expect(name).not.toMatch(/^bench:|^content:(check|new)$/);
    const tsx = (file: string) => `tsx --conditions=react-server scripts/${file}.ts`;
    expect(
      opsCommands({ "site:new": tsx("site-new"), "bench:x": tsx("bench-x"), other: "node x.mjs" }),
    ).toEqual(new Map([["site:new", "site-new"]]));
  });

  it("copies into the image only build output, never the build stage's node_modules or sources", () => {
    const copies = copiesFromStages(runtime);
    expect(copies.map((c) => c.from)).toEqual(["build", "build", "build"]);
    const build = workdir(stages[1] as Stage);
    expect(copies.flatMap((c) => c.sources)).toEqual([
      `${build}/.next/standalone`,
      `${build}/.next/static`,
      `${build}/public`,
    ]);
    expect(stageValues(runtime, "RUN").join(" ")).not.toMatch(/\bnpm\b/);
  });

  it("has no ARG or ENV that holds a secret, and the check would see one", () => {
    expect(secretLikeSettings(stages)).toEqual([]);
    const leaky = parseDockerfile(
      "FROM node:24-bookworm-slim\nARG APP_SECRET\nENV PORT=3000 \\\n  SMTP_URL=smtp://u:p@h\n",
    );
    expect(secretLikeSettings(leaky)).toEqual(["APP_SECRET", "SMTP_URL"]);
  });
});

describe(".dockerignore", () => {
  const ignored = readFileSync(".dockerignore", "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"));

  it("keeps secrets, data, the host's installs and builds out of the build context", () => {
    for (const entry of [".env", ".env.*", "node_modules", ".git", ".next", ".next-*", "data"])
      expect(ignored).toContain(entry);
    for (const entry of [".e2e-*", ".node24", "test-results", "playwright-report"])
      expect(ignored).toContain(entry);
  });
});

describe("compose.yaml", () => {
  it("runs the app from this folder's image with .env, behind one proxy, its data in a volume", () => {
    const app = service("app");
    expect(app.build).toBe(".");
    expect(app.env_file).toBe(".env");
    expect(app.environment).toMatchObject({ TRUSTED_PROXIES: "1", DATA_DIR: "/data" });
    expect(app.volumes).toEqual(["app-data:/data"]);
    expect(app.restart).toBe("unless-stopped");
    // No host port: Caddy is the only way in, so nobody reaches the app around the proxy.
    expect(app).not.toHaveProperty("ports");
  });

  it("puts Caddy in front on 80 and 443 over TCP and UDP (HTTP/3), once the app is healthy", () => {
    const caddy = service("caddy");
    expect(caddy.image).toBe("caddy:2");
    expect(caddy.ports).toEqual(["80:80", "443:443", "443:443/udp"]);
    expect(caddy.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(caddy.volumes).toEqual(
      expect.arrayContaining(["caddy-data:/data", "caddy-config:/config"]),
    );
    expect(caddy.environment).toMatchObject({ APP_UPSTREAM: "app:3000" });
    expect(caddy.environment?.SITE_ADDRESS).toMatch(/^\$\{SITE_ADDRESS:\?/);
    expect(caddy.depends_on).toEqual({ app: { condition: "service_healthy" } });
  });

  it("offers PostgreSQL as a profile, with its health check and volume, that the app waits for", () => {
    const postgres = service("postgres");
    expect(postgres.profiles).toEqual(["postgres"]);
    expect(postgres.image).toMatch(/^postgres:1[67]$/);
    expect(postgres.healthcheck?.test).toEqual(expect.arrayContaining(["pg_isready"]));
    expect(postgres.volumes).toEqual(["postgres-data:/var/lib/postgresql/data"]);
    expect(service("app").depends_on).toEqual({
      postgres: { condition: "service_healthy", required: false },
    });
  });

  it("declares every named volume it mounts", () => {
    const mounted = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(":")[0] ?? "")
      .filter((name) => !name.startsWith("."));
    expect(Object.keys(compose.volumes).sort()).toEqual([...new Set(mounted)].sort());
  });
});

describe(".env.example", () => {
  const example = readFileSync(".env.example", "utf8");
  const settings = new Map(
    [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  );

  it("lists every variable of the README's Environment table, and compose's own", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(
      readme.indexOf("## Environment"),
      readme.indexOf("## For clinic staff"),
    );
    const documented = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1]);
    // Not for a server: one for tests, one that no longer does anything.
    const notForServers = ["TEST_DATABASE_URL", "STAFF_PASSWORD"];
    expect(documented.length).toBeGreaterThan(10);
    for (const name of documented.filter((n) => n && !notForServers.includes(n)))
      expect([...settings.keys()], `${name} is missing from .env.example`).toContain(name);
    for (const name of ["SITE_ADDRESS", "POSTGRES_PASSWORD"]) expect(settings.has(name)).toBe(true);
  });

  it("holds no secret: each secret is left empty for the operator to fill in", () => {
    for (const name of ["APP_SECRET", "SMTP_URL", "DATABASE_URL", "POSTGRES_PASSWORD"])
      expect(settings.get(name), name).toBe("");
  });
});
