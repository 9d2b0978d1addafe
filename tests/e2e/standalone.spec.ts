import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { copiesFromStages, readDockerfile, runtimeStage, workdir } from "../shared/dockerfile";
import { fillValid, openForm, referenceShown, submit } from "./consultation-fixtures";
import { expectLive, publish } from "./editor-fixtures";
import { E2E_PORT, e2eServerEnv } from "./server-env";
import { enrolAuthenticator } from "./two-step-fixtures";

/*
 * The image without a container engine: what the Dockerfile's runtime stage
 * copies from the build (read from its COPY --from lines) goes into an empty
 * folder, the bundled migrate and invite commands run there with plain node,
 * and `node server.js` serves the core journeys from it, with only the
 * environment a container would have. The checkout stays on the disk, so the
 * server's loaded native modules are checked to come from the copy.
 */
// Not +1090: 4190 (sieve) is on the Fetch standard's blocked ports, which fetch and Chromium refuse.
const PORT = E2E_PORT + 1070;
// localhost, as the main server: the session cookie is Secure, which Chromium allows there over http.
const base = `http://localhost:${PORT}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const devDependencies = Object.keys(
  (JSON.parse(readFileSync("package.json", "utf8")) as { devDependencies: object }).devDependencies,
);
// Each bundled command (scripts/build-ops.mts) is run below; a new one fails the first test until it is.
const RUN_HERE = [
  "content-export",
  "db-backup",
  "db-migrate",
  "db-restore",
  "notify",
  "staff-invite",
];

const root = mkdtempSync(path.join(tmpdir(), "clinic-image-"));
const app = path.join(root, "app");
const dataDir = path.join(root, "data");
// A container's environment: the image's ENV lines and the settings, nothing of this shell's.
const env = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  ...e2eServerEnv,
  SITE_URL: base,
  DATA_DIR: dataDir,
  PORT: String(PORT),
  HOSTNAME: "127.0.0.1",
} as NodeJS.ProcessEnv;

/** A path under a stage's WORKDIR, here: the build's `.next` is this run's build folder. */
function local(stageWorkdir: string, stagePath: string): string {
  const relative = path.posix.relative(stageWorkdir, path.posix.resolve(stageWorkdir, stagePath));
  return relative.replace(/^\.next(?=\/|$)/, distDir);
}

/** Copies what each COPY --from line of the runtime stage names. */
function copyAsTheDockerfileDoes(): void {
  const stages = readDockerfile();
  const runtime = runtimeStage(stages);
  for (const copy of copiesFromStages(runtime)) {
    const from = stages.find((stage) => stage.name === copy.from);
    if (!from) throw new Error(`Dockerfile: COPY --from=${copy.from} names no stage`);
    const destination = path.join(app, local(workdir(runtime), copy.destination));
    for (const source of copy.sources) {
      const checkoutPath = local(workdir(from), source);
      // A folder's contents go into the destination, as COPY does; links stay links.
      const into = statSync(checkoutPath).isDirectory()
        ? destination
        : path.join(destination, path.basename(checkoutPath));
      cpSync(checkoutPath, into, { recursive: true, verbatimSymlinks: true });
    }
  }
}

/** `node ops/<command>.mjs` in the copy, as `docker compose exec app` runs it. */
function runCommand(command: string, args: string[] = [], settings: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [`ops/${command}.mjs`, ...args], {
    cwd: app,
    env: { ...env, ...settings },
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

let server: ChildProcess | undefined;
let output = "";
let inviteLink = "";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: base });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  copyAsTheDockerfileDoes();
  const migrated = runCommand("db-migrate");
  expect(migrated.status, migrated.output).toBe(0);
  expect(migrated.output).toContain(dataDir);
  expect(migrationsRun()).toBeGreaterThan(0);
  const invited = runCommand("staff-invite", [
    "owner@clinic.example",
    "--role",
    "owner",
    "--name",
    "Iris Image",
  ]);
  expect(invited.status).toBe(0);
  inviteLink = invited.output.trim().split("\n").at(-1) ?? "";
  expect(inviteLink).toMatch(new RegExp(`^${base}/staff/set-up\\?token=`));

  server = spawn(process.execPath, ["server.js"], { cwd: app, env, stdio: "pipe" });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect
    .poll(
      () => {
        if (server?.exitCode !== null) throw new Error(`server.js exited:\n${output.slice(-2000)}`);
        return fetch(`${base}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

test("the copy holds the operational commands and no dev dependency", () => {
  const bundled = readdirSync(path.join(app, "ops")).map((file) => file.replace(/\.mjs$/, ""));
  expect(bundled.sort()).toEqual(RUN_HERE);
  expect(devDependencies).toEqual(
    expect.arrayContaining(["tsx", "typescript", "vitest", "esbuild"]),
  );
  for (const name of devDependencies)
    expect(existsSync(path.join(app, "node_modules", name)), name).toBe(false);
  expect(existsSync(path.join(app, "content", "clinic.yaml"))).toBe(true);
  // The checkout's own data (tests and `npm start` fill ./data) never ships in the image.
  const shipped = readdirSync(app, { recursive: true, encoding: "utf8" });
  expect(shipped.filter((file) => /(\.sqlite(-\w+)?|app-secret|\.age)$/.test(file))).toEqual([]);
});

test("the server loads its native modules from the copy, none from the checkout", () => {
  const maps = readFileSync(`/proc/${server?.pid}/maps`, "utf8");
  const natives = [...new Set([...maps.matchAll(/\s(\/\S+\.node)$/gm)].map((m) => m[1] ?? ""))];
  expect(natives.some((file) => file.startsWith(`${app}/node_modules/better-sqlite3/`))).toBe(true);
  expect(natives.filter((file) => file.startsWith(process.cwd()))).toEqual([]);
});

test("/healthz, and an article page with its stored Content-Security-Policy, scripts and images", async ({
  page,
}) => {
  const health = await page.request.get("/healthz");
  expect(health.status()).toBe(200);
  const response = await page.goto("/benefits");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("footer")).toContainText("+1 555 010 0123");
  // The two folders Next.js leaves out of standalone: its scripts and public/.
  const scripts = await page
    .locator("script[src]")
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) expect((await page.request.get(src)).status(), src).toBe(200);
  expect((await page.request.get("/illustrations/hero.svg")).status()).toBe(200);
});

/** A valid request under `fullName`, sent as a visitor sends it; gives its reference. */
async function sendRequest(page: Page, fullName: string): Promise<string> {
  const openedAt = await openForm(page);
  await fillValid(page);
  await page.getByLabel("Full name").fill(fullName);
  await submit(page, openedAt);
  return referenceShown(page);
}

/** How many migrations the copied db:migrate recorded in the new database. */
function migrationsRun(): number {
  const db = new Database(path.join(dataDir, "clinic.sqlite"), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM kysely_migration").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function storedNames(reference: string): string[] {
  const db = new Database(path.join(dataDir, "clinic.sqlite"), { readonly: true });
  try {
    return (
      db
        .prepare("SELECT full_name FROM consultation_requests WHERE reference = ?")
        .all(reference) as { full_name: string }[]
    ).map((row) => row.full_name);
  } finally {
    db.close();
  }
}

test("the consultation form stores a request once, with JavaScript and without", async ({
  page,
  browser,
}) => {
  const withScript = await sendRequest(page, "Grace Script");
  expect(storedNames(withScript)).toEqual(["Grace Script"]);

  const context = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  try {
    const withoutScript = await sendRequest(await context.newPage(), "Grace Plain");
    expect(withoutScript).not.toBe(withScript);
    expect(storedNames(withoutScript)).toEqual(["Grace Plain"]);
  } finally {
    await context.close();
  }
});

test("the owner set up from the copied staff:invite link signs in, sees the requests and publishes", async ({
  page,
}) => {
  // Password hashes and a two-step set-up.
  test.setTimeout(120_000);
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your staff account");
  await page.getByLabel("Password", { exact: true }).fill("an image on a quiet harbour");
  await page.getByLabel("Password again").fill("an image on a quiet harbour");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await enrolAuthenticator(page);
  await expect(
    page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Requests" }).getByText("Grace Plain"),
  ).toBeVisible();

  await page.goto("/staff/content/benefits");
  const title = `Benefits, from the image ${Date.now().toString(36)}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await expectLive(page, "/benefits", title);
});

test("the other commands run from the copy: an encrypted backup restored, the export of that publish, notify", () => {
  // The key is made where a developer makes it, in the checkout: the server gets only the public key.
  const keyFile = path.join(root, "backup-key.txt");
  const keygen = spawnSync(process.execPath, ["scripts/backup-keygen.mts", keyFile], {
    encoding: "utf8",
  });
  const recipient = /^BACKUP_AGE_RECIPIENT=(age1\w+)$/m.exec(keygen.stdout)?.[1] ?? "";
  expect(recipient, keygen.stderr).not.toBe("");

  const backup = runCommand("db-backup", [], { BACKUP_AGE_RECIPIENT: recipient });
  expect(backup).toMatchObject({ status: 0 });
  const file = /^Backed up .* to (\S+\.sqlite\.age)\.$/m.exec(backup.output)?.[1] ?? "";
  expect(file.startsWith(path.join(dataDir, "backups", "clinic-")), backup.output).toBe(true);

  const restoredDir = path.join(root, "restored");
  const restored = runCommand("db-restore", [file, "--identity", keyFile], {
    DATA_DIR: restoredDir,
  });
  expect(restored).toMatchObject({ status: 0 });
  expect(restored.output).toContain(`into ${restoredDir}. Integrity check: ok.`);
  expect(restored.output).toMatch(/^ {2}consultation_requests +2$/m);

  const exported = runCommand("content-export");
  expect(exported).toMatchObject({ status: 0 });
  expect(exported.output).toContain("wrote      content/benefits.mdx");
  expect(readFileSync(path.join(app, "content", "benefits.mdx"), "utf8")).toContain(
    "Benefits, from the image",
  );

  // Email is off in this environment: the command says so, which it can only once loaded.
  expect(runCommand("notify")).toEqual({
    status: 1,
    output: "SMTP_URL is not set: email is off, nothing to send.\n",
  });
});
