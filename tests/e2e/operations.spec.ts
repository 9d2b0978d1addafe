import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { publishedPages } from "./content-pages";
import { extraScriptBytes } from "./script-weight";
import { createDb } from "@/lib/db/client";
import { E2E_PORT } from "./server-env";
import { createAccount } from "./staff-fixtures";

/*
 * The production build started as the Quick start does (`next start`, default
 * settings) on a second port, to check what an operator and an attacker see.
 */
const PORT = E2E_PORT + 1000;
const BASE = `http://127.0.0.1:${PORT}`;
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

type Started = { server: ChildProcess; output: () => string; exit: Promise<number | null> };

function start(env: Record<string, string>): Started {
  let output = "";
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => server.once("exit", resolve));
  return { server, output: () => output, exit };
}

async function stop({ server, exit }: Started): Promise<void> {
  if (server.exitCode === null) server.kill("SIGTERM");
  await exit;
}

const root = mkdtempSync(path.join(tmpdir(), "clinic-ops-"));
test.afterAll(() => rmSync(root, { recursive: true, force: true }));
test.describe.configure({ mode: "serial" });

test.describe("with default settings (no proxy trusted)", () => {
  let started: Started;
  test.beforeAll(async () => {
    started = start({
      DATA_DIR: path.join(root, "defaults"),
      // Left over from before personal accounts: it must open nothing, and the log says so.
      STAFF_PASSWORD: "an-old-shared-staff-password",
      DATABASE_URL: "",
      SMTP_URL: "",
      TRUSTED_PROXIES: "",
    });
    await expect
      .poll(
        () =>
          fetch(`${BASE}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
  });
  test.afterAll(() => stop(started));

  test("GET /healthz says ok, with no data, never cached", async ({ request }) => {
    const response = await request.get(`${BASE}/healthz`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers()["cache-control"]).toContain("no-store");
  });

  test("a leftover STAFF_PASSWORD opens nothing; the log and /staff say how to create the owner", async ({
    page,
  }) => {
    expect(started.output()).toContain(
      "STAFF_PASSWORD is set but no longer used: each person signs in with an account of their own. Create the owner with: npm run staff:invite",
    );
    await page.goto(`${BASE}/staff`);
    await expect(
      page.getByRole("heading", { level: 1, name: "No staff account yet" }),
    ).toBeVisible();
    await expect(
      page.getByText("npm run staff:invite -- you@example.com --role owner"),
    ).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
  });

  test("rotating X-Forwarded-For or forging the peer header gets no extra password guesses", async ({
    page,
  }) => {
    const db = createDb({ dataDir: path.join(root, "defaults") });
    const account = await createAccount({ role: "front-desk", db });
    await db.destroy();
    const attempt = async (i: number, password: string) => {
      await page.setExtraHTTPHeaders({
        "x-forwarded-for": `203.0.113.${i}`,
        "x-real-ip": `198.51.100.${i}`,
        "x-clinic-peer": `192.0.2.${i} c2lnbmF0dXJlLWd1ZXNz`,
      });
      await page.goto(`${BASE}/staff`);
      // Another address each time, so the account's own limit is not what locks.
      await page.getByLabel("Email").fill(i % 2 ? account.email : `nobody-${i}@example.com`);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    const alert = (p: Page, text: string) => p.getByRole("alert").filter({ hasText: text });
    for (let i = 1; i <= 4; i++) {
      await attempt(i, `wrong-${i}`);
      await expect(alert(page, "That email and password do not match")).toBeVisible();
    }
    await attempt(5, "wrong-5");
    await expect(alert(page, "Sign-in is locked")).toBeVisible();
    // A sixth "address" is still the same socket: locked, even with the right password.
    await attempt(7, account.password);
    await expect(alert(page, "Sign-in is locked")).toBeVisible();
  });
});

test.describe("a configuration that cannot work stops the server, naming the variable", () => {
  const notADirectory = path.join(root, "a-file");
  writeFileSync(notADirectory, "");
  const cases: [string, Record<string, string>, RegExp][] = [
    ["TRUSTED_PROXIES", { TRUSTED_PROXIES: "some" }, /TRUSTED_PROXIES/],
    ["SMTP_URL", { SMTP_URL: "smtp://user:pass@:587" }, /SMTP_URL/],
    ["DATA_DIR", { DATA_DIR: path.join(notADirectory, "data") }, /DATA_DIR .* is not writable/],
    [
      "APP_SECRET",
      { DATABASE_URL: "postgres://u:p@127.0.0.1:1/db", APP_SECRET: "" },
      /APP_SECRET must be set/,
    ],
  ];
  for (const [name, env, message] of cases) {
    test(name, async () => {
      const started = start({ DATA_DIR: path.join(root, `bad-${name}`), SMTP_URL: "", ...env });
      const code = await Promise.race([
        started.exit,
        new Promise<"still running">((resolve) =>
          setTimeout(() => resolve("still running"), 45_000),
        ),
      ]);
      await stop(started);
      expect(code).not.toBe(0);
      expect(code).not.toBe("still running");
      expect(started.output()).toMatch(message);
    });
  }
});

test.describe("page weight and small things", () => {
  test("no article ships more than 5 KB of script beyond the 404 page", async ({ baseURL }) => {
    const articles = publishedPages.filter((p) => p.path !== "/");
    expect(articles.length).toBeGreaterThan(0);
    for (const { path } of articles) {
      const { files, gzipBytes } = await extraScriptBytes(String(baseURL), path);
      expect([path, files, gzipBytes <= 5 * 1024]).toEqual([path, files, true]);
    }
  });

  test("the home hero is preloaded at high priority and no article uses next/image", async ({
    request,
  }) => {
    const home = await (await request.get("/")).text();
    expect(home).toMatch(
      /<link rel="preload"[^>]*href="\/illustrations\/hero.svg"[^>]*fetchPriority="high"|<link rel="preload"[^>]*fetchPriority="high"[^>]*href="\/illustrations\/hero.svg"/,
    );
    expect(home).toMatch(
      /<img[^>]*fetchPriority="high"[^>]*src="\/illustrations\/hero.svg"|<img[^>]*src="\/illustrations\/hero.svg"[^>]*fetchPriority="high"/,
    );
    for (const { path } of publishedPages) {
      expect([path, await (await request.get(path)).text()]).not.toContainEqual(
        expect.stringContaining("/_next/image"),
      );
    }
  });

  test("the clinic's icon is served, so /favicon.ico is no 404", async ({ request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/icon/);
    const svg = await request.get("/icon.svg");
    expect(svg.status()).toBe(200);
    expect(await svg.text()).toContain("#1e5b4f");
    expect((await request.get("/apple-icon")).headers()["content-type"]).toBe("image/png");
  });
});
