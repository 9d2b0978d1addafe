import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect } from "@playwright/test";
import type { Kysely } from "kysely";
import { parse } from "yaml";
import {
  addClinicRevision,
  addPageRevision,
  latestClinicRevision,
} from "@/lib/db/content-revisions";
import type { Database } from "@/lib/db/types";
import { e2eServerEnv } from "./server-env";

/*
 * A second production server on the build the journeys use, with a data
 * folder of its own: for checks that need the server's process (its memory,
 * a restart) or a different database, without touching the shared server.
 */
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

export type OwnServer = {
  base: string;
  process: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
};

const running = new Set<OwnServer>();

/** Stops every server a spec started, also when a test failed half-way. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => stopServer(server)));
}

/** True when something already answers on the port (a server another run left behind). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startServer(port: number, env: Record<string, string>): Promise<OwnServer> {
  if (await portTaken(port)) {
    throw new Error(`Port ${port} is already in use: stop what listens there (another test run?)`);
  }
  let output = "";
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    env: {
      ...process.env,
      ...e2eServerEnv,
      SITE_URL: `http://127.0.0.1:${port}`,
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => server.once("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  const started = { base, process: server, output: () => output, exit };
  running.add(started);
  // A server that exits (its port taken by another) must fail here, not let the
  // poll below read whichever server holds the port, with another database.
  await expect
    .poll(
      () => {
        if (server.exitCode !== null) {
          throw new Error(`The server on port ${port} exited:\n${output.slice(-2000)}`);
        }
        return fetch(`${base}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 60_000 },
    )
    .toBe(200);
  return started;
}

export async function stopServer(server: OwnServer): Promise<void> {
  running.delete(server);
  if (server.process.exitCode === null) server.process.kill("SIGTERM");
  await server.exit;
}

/** The server's resident memory in bytes, from the kernel. */
export function residentBytes(server: OwnServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/**
 * Publishes a page as the editor does, straight into the database: a new one,
 * or (with `parentId`) a new version of one, with the body given.
 */
export async function publishPage(
  db: Kysely<Database>,
  slug: string,
  title: string,
  options: { body?: string; parentId?: number } = {},
) {
  const result = await addPageRevision(db, {
    slug,
    author: "E2E",
    note: null,
    action: "publish",
    frontmatter: {
      title,
      description: `${title}, published in the browser.`,
      lastReviewed: "2026-11-01",
      kind: "page",
    },
    body: options.body ?? `${title} is a page made in the browser after the build.`,
    baseHash: null,
    parentId: options.parentId ?? 0,
    now: new Date(),
  });
  if (!result.ok) throw new Error(`/${slug} was not published: a newer version is there`);
  return result.revision;
}

/** Publishes the clinic details of content/clinic.yaml with another phone number. */
export async function publishClinicPhone(db: Kysely<Database>, phone: string) {
  await publishClinic(db, { phone });
}

/** Publishes the clinic details of content/clinic.yaml with some values changed, as the editor does. */
export async function publishClinic(db: Kysely<Database>, changes: Record<string, unknown>) {
  const clinic = parse(readFileSync("content/clinic.yaml", "utf8")) as Record<string, unknown>;
  const latest = await latestClinicRevision(db);
  const result = await addClinicRevision(db, {
    author: "E2E",
    note: null,
    clinic: { ...clinic, ...changes },
    baseHash: null,
    parentId: latest?.id ?? 0,
    now: new Date(),
  });
  expect(result.ok).toBe(true);
}
