import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, gunzipSync, zstdDecompressSync } from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Kysely } from "kysely";
import sharp from "sharp";
import { MAX_IMAGE_BYTES } from "@/lib/content/images/upload-image";
import { createDb, migrateToLatest } from "@/lib/db/client";
import type { Database } from "@/lib/db/types";
import { headerValues, rawGet, startCaddy, stopAllProxies, type CaddyProxy } from "./caddy-server";
import { fillValid, openForm, referenceShown, submit } from "./consultation-fixtures";
import { publishedPages } from "./content-pages";
import { startServer, stopAllServers, type OwnServer } from "./own-server";
import { E2E_PORT } from "./server-env";
import { createAccount, signIn } from "./staff-fixtures";

/*
 * The site over HTTPS through Caddy running deploy/Caddyfile, as on a server with
 * TRUSTED_PROXIES=1: the app on a loopback port of its own, Caddy in front on another.
 * Caddy sees two different clients on this machine: one connecting over IPv4 (the journeys,
 * at PROXY) and one over IPv6 (the attacker, at OTHER_CLIENT); both reach it from loopback.
 */
const APP_PORT = E2E_PORT + 1060;
const PROXY_PORT = E2E_PORT + 2000;
const PROXY = `https://127.0.0.1:${PROXY_PORT}`;
const OTHER_CLIENT = `https://[::1]:${PROXY_PORT}`;
// By name, so Node checks the certificate Caddy chose for the name against Caddy's authority.
const NAMED = `https://localhost:${PROXY_PORT}`;
const HSTS = "max-age=63072000; includeSubDomains";
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Addresses a client makes up; Caddy must not pass one on, nor log it. */
const FORGED = (i: number) => ({
  "x-forwarded-for": `203.0.113.${i}`,
  "x-real-ip": `198.51.100.${i}`,
  forwarded: `for=203.0.113.${i}`,
});

const article = publishedPages.find((p) => p.path !== "/") ?? publishedPages[0]!;
let dataDir = "";
let app: OwnServer;
let caddy: CaddyProxy;
let db: Kysely<Database>;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: PROXY, ignoreHTTPSErrors: true });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "clinic-caddy-data-"));
  app = await startServer(APP_PORT, {
    DATA_DIR: dataDir,
    SITE_URL: PROXY,
    TRUSTED_PROXIES: "1",
    CONSULTATION_RATE_LIMIT: "2/60",
  });
  caddy = await startCaddy({ port: PROXY_PORT, upstream: `127.0.0.1:${APP_PORT}` });
  db = createDb({ dataDir });
  await migrateToLatest(db);
});

test.afterAll(async () => {
  await db?.destroy();
  await stopAllProxies();
  await stopAllServers();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Console errors and CSP violations in the page: none may happen. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? problems.push(m.text()) : undefined));
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

const scriptSrc = (policy: string | undefined) =>
  (policy ?? "").split(";").find((d) => d.trim().startsWith("script-src")) ?? "";

/** The framework ran: its inline bootstrap and its chunks were allowed by the policy. */
const frameworkRan = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version),
    )
    .toBe("string");

test("an article over HTTPS keeps the app's Content-Security-Policy and HSTS, once each", async ({
  page,
}) => {
  const problems = await watch(page);
  const response = await page.goto(article.path);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(article.fullTitle);
  await frameworkRan(page);
  expect(problems).toEqual([]);

  const through = await rawGet(`${NAMED}${article.path}`, {}, caddy.ca);
  const direct = await rawGet(`${app.base}${article.path}`, {});
  const policy = headerValues(through, "content-security-policy");
  expect(policy).toHaveLength(1);
  expect(scriptSrc(policy[0])).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(policy).toEqual(headerValues(direct, "content-security-policy"));
  expect(headerValues(through, "strict-transport-security")).toEqual([HSTS]);
  // HTTP/3 offered, as Caddy does by default.
  expect(headerValues(through, "alt-svc").join()).toContain(`h3=":${PROXY_PORT}"`);
});

test("a response is compressed once, by Caddy, and decodes to the page", async () => {
  const isPage = (html: string) =>
    html.startsWith("<!DOCTYPE html>") && html.trimEnd().endsWith("</html>");
  const url = `${NAMED}${article.path}`;
  const zstd = await rawGet(url, { "accept-encoding": "zstd, gzip" }, caddy.ca);
  expect(headerValues(zstd, "content-encoding")).toEqual(["zstd"]);
  expect(isPage(zstdDecompressSync(zstd.body).toString())).toBe(true);
  const gzip = await rawGet(url, { "accept-encoding": "gzip" }, caddy.ca);
  expect(headerValues(gzip, "content-encoding")).toEqual(["gzip"]);
  expect(isPage(gunzipSync(gzip.body).toString())).toBe(true);
  // Straight from `next start` a client still gets gzip: only Caddy's request leaves it out.
  const direct = await rawGet(`${app.base}${article.path}`, { "accept-encoding": "gzip" });
  expect(headerValues(direct, "content-encoding")).toEqual(["gzip"]);

  // A script of the build: the same bytes, with the year-long caching the app gives it, once.
  const html = gunzipSync(gzip.body).toString();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const chunk = await rawGet(`${NAMED}${script}`, { "accept-encoding": "gzip" }, caddy.ca);
  const plain = await rawGet(`${app.base}${script}`, {});
  expect(headerValues(chunk, "content-encoding")).toEqual(["gzip"]);
  expect(gunzipSync(chunk.body).equals(plain.body)).toBe(true);
  expect(headerValues(chunk, "cache-control")).toEqual([IMMUTABLE]);
  // A name not uploaded (yet) keeps the app's no-store: the Caddyfile's default is not forced on it.
  const missing = await rawGet(`${NAMED}/media/${"c".repeat(64)}-480.avif`, {}, caddy.ca);
  expect(missing.status).toBe(404);
  expect(headerValues(missing, "cache-control")).toEqual(["no-store"]);
});

test("the consultation form with JavaScript sends over HTTPS under its nonce policy, stored once", async ({
  page,
}) => {
  const problems = await watch(page);
  const response = await page.goto("/consultation");
  expect(scriptSrc(response?.headers()["content-security-policy"])).toMatch(
    /'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(response?.headers()["strict-transport-security"]).toBe(HSTS);
  const openedAt = await openForm(page);
  await frameworkRan(page);
  await fillValid(page);
  await submit(page, openedAt);
  const reference = await referenceShown(page);
  const rows = await db
    .selectFrom("consultation_requests")
    .select("status")
    .where("reference", "=", reference)
    .execute();
  expect(rows).toEqual([{ status: "new" }]);
  expect(problems).toEqual([]);
});

test("a staff page over HTTPS: signed in, with its own policy and HSTS, never cached", async ({
  page,
}) => {
  const problems = await watch(page);
  await signIn(page, { base: PROXY, db });
  const response = await page.goto("/staff");
  const headers = response?.headers() ?? {};
  expect(scriptSrc(headers["content-security-policy"])).toMatch(/'nonce-[^']+'/);
  expect(headers["strict-transport-security"]).toBe(HSTS);
  expect(headers["cache-control"]).toContain("no-store");
  await expect(
    page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();
  await frameworkRan(page);
  expect(problems).toEqual([]);
});

test("each request gets its id from Caddy, not from the visitor", async ({ request }) => {
  const forged = "00000000-0000-4000-8000-000000000000";
  const ids = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/healthz", { headers: { "X-Request-Id": forged } });
    expect(response.status()).toBe(200);
    ids.push(response.headers()["x-request-id"]);
  }
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(ids).not.toContain(forged);
  expect(ids[0]).not.toBe(ids[1]);
});

/** A real PNG padded to exactly `bytes` with a private chunk that image readers skip. */
async function pngOfSize(bytes: number): Promise<Buffer> {
  const png = await sharp({
    create: {
      width: 1200,
      height: 900,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 30 },
    },
  })
    .png()
    .toBuffer();
  const end = png.length - 12; // the IEND chunk
  const type = Buffer.from("prVt");
  const data = Buffer.alloc(bytes - png.length - 12, 0x61);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(crc32(Buffer.concat([type, data])));
  return Buffer.concat([png.subarray(0, end), length, type, data, check, png.subarray(end)]);
}

test("an image at the upload limit passes through Caddy; one byte more is the app's refusal", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, { base: PROXY, db });
  await page.goto("/staff/images");
  const image = await pngOfSize(MAX_IMAGE_BYTES);
  expect(image.length).toBe(MAX_IMAGE_BYTES);
  await page.getByLabel("Image file").setInputFiles({
    name: "at-the-limit.png",
    mimeType: "image/png",
    buffer: Buffer.concat([image, Buffer.from([0])]),
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("That file is over 8 MB.")).toBeVisible();

  await page.getByLabel("Image file").setInputFiles({
    name: "at-the-limit.png",
    mimeType: "image/png",
    buffer: image,
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  const snippet = page.getByRole("status").locator("code");
  await expect(snippet).toContainText('width="1200" height="900"', { timeout: 60_000 });
  const src = /src="([^"]+)"/.exec((await snippet.textContent()) ?? "")?.[1] ?? "";
  const served = await rawGet(`${NAMED}${src}`, {}, caddy.ca);
  expect(served.status).toBe(200);
  expect(headerValues(served, "cache-control")).toEqual([IMMUTABLE]);
  expect((await sharp(served.body).metadata()).width).toBe(1200);
});

/** A page in a browser context of its own that reaches Caddy at `base`. */
async function clientAt(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ignoreHTTPSErrors: true });
  return context.newPage();
}

test("five wrong passwords from one client lock it, whatever X-Forwarded-For it sends Caddy", async ({
  browser,
}) => {
  const account = await createAccount({ role: "front-desk", db });
  const attacker = await clientAt(browser, OTHER_CLIENT);
  const attempt = async (i: number, email: string, password: string) => {
    await attacker.setExtraHTTPHeaders(FORGED(i));
    await attacker.goto("/staff");
    await attacker.getByLabel("Email").fill(email);
    await attacker.getByLabel("Password").fill(password);
    await attacker.getByRole("button", { name: "Sign in" }).click();
  };
  const alert = (p: Page, text: string) => p.getByRole("alert").filter({ hasText: text });
  // Unknown addresses, so the account's own limit is not what locks.
  for (let i = 1; i <= 4; i++) {
    await attempt(i, `nobody-${i}@example.com`, `wrong-${i}`);
    await expect(alert(attacker, "That email and password do not match")).toBeVisible();
  }
  await attempt(5, "nobody-5@example.com", "wrong-5");
  await expect(alert(attacker, "Sign-in is locked")).toBeVisible();
  // Another made-up address gets no fresh allowance: locked, even with the right password.
  await attempt(6, account.email, account.password);
  await expect(alert(attacker, "Sign-in is locked")).toBeVisible();
  const counted = await db
    .selectFrom("rate_events")
    .select("client_hash")
    .distinct()
    .where("bucket", "=", "staff-login")
    .execute();
  expect(counted).toHaveLength(1);

  // A client Caddy sees at another address was not locked by any of it.
  const colleague = await clientAt(browser, PROXY);
  await colleague.setExtraHTTPHeaders(FORGED(5));
  await colleague.goto("/staff");
  await colleague.getByLabel("Email").fill(account.email);
  await colleague.getByLabel("Password").fill(account.password);
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(
    colleague.getByRole("heading", { level: 1, name: "Set up two-step sign-in" }),
  ).toBeVisible();
  await attacker.context().close();
  await colleague.context().close();
});

test("the consultation rate limit counts the client Caddy saw, not the address it claims", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const client = await clientAt(browser, OTHER_CLIENT);
  const send = async (page: Page, i: number) => {
    await page.setExtraHTTPHeaders(FORGED(i));
    const openedAt = await openForm(page);
    await fillValid(page, `visitor-${i}@example.com`);
    await submit(page, openedAt);
  };
  const references: string[] = [];
  for (const i of [1, 2]) {
    await send(client, i);
    references.push(await referenceShown(client));
  }
  await send(client, 3);
  await expect(
    client.getByRole("alert").filter({ hasText: "Too many requests from this connection" }),
  ).toBeVisible();

  // The other client (IPv4) still gets through, and is counted apart.
  const other = await clientAt(browser, PROXY);
  await send(other, 1);
  references.push(await referenceShown(other));
  const hashes = await db
    .selectFrom("consultation_requests")
    .select(["reference", "client_hash"])
    .where("reference", "in", references)
    .execute();
  const hashOf = (reference: string | undefined) =>
    hashes.find((row) => row.reference === reference)?.client_hash;
  expect(hashOf(references[0])).toBeDefined();
  expect(hashOf(references[1])).toBe(hashOf(references[0]));
  expect(hashOf(references[2])).toBeDefined();
  expect(hashOf(references[2])).not.toBe(hashOf(references[0]));
  await client.context().close();
  await other.context().close();
});

test("Caddy logs each request as a JSON line, without the client's address or a forged one", () => {
  const lines = caddy
    .output()
    .split("\n")
    .filter((line) => line.includes('"logger":"http.log.access'));
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) {
    const entry = JSON.parse(line) as { request: Record<string, unknown>; status: number };
    expect(Object.keys(entry.request)).not.toContain("remote_ip");
    expect(Object.keys(entry.request)).not.toContain("client_ip");
    expect(Object.keys(entry.request)).not.toContain("remote_port");
    expect(line).not.toMatch(/203\.0\.113\.|198\.51\.100\./);
  }
  expect(lines.some((line) => line.includes('"uri":"/staff"'))).toBe(true);
});
