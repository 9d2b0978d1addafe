/*
 * `npm run bench:editor`: what the visual editor costs. Starts the production
 * server (building first if needed), signs a staff account in, and opens the
 * editor on /staff/content/benefits a few times in Chromium: the JavaScript
 * the editor page loads beyond the page list (/staff/content), gzipped as a
 * server would send it, and the time from navigation until the visual editor
 * shows the page's text. Public pages load none of it: tests/e2e/site-wide
 * and bench:pages check their script weight. It measures; it asserts nothing.
 */
import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { signIn } from "../tests/e2e/staff-fixtures";
import { launchBenchBrowser, startBenchServer } from "./bench-setup";

const port = Number(process.env.BENCH_PORT ?? 3401);
const dataDir = ".bench-editor-data";
const RUNS = 5;

/** The scripts a page loads, by address, once it has settled. */
async function scriptsOf(page: Page, url: string, ready: () => Promise<unknown>) {
  const urls = new Set<string>();
  const listen = (r: { url: () => string; request: () => { resourceType: () => string } }) => {
    if (r.request().resourceType() === "script") urls.add(r.url());
  };
  page.on("response", listen);
  await page.goto(url);
  await ready();
  await page.waitForLoadState("networkidle");
  page.off("response", listen);
  return urls;
}

async function measure(base: string) {
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  const browser = await launchBenchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, { base, db });
  const editor = page.getByRole("textbox", { name: "Page body, as visitors will see it" });

  const list = await scriptsOf(page, `${base}/staff/content`, () =>
    page.getByRole("heading", { level: 1, name: "Pages" }).waitFor(),
  );
  const onEditor = await scriptsOf(page, `${base}/staff/content/benefits`, () =>
    editor.getByText("How big the benefit is", { exact: true }).waitFor(),
  );
  const extra = [...onEditor].filter((url) => !list.has(url));
  let gzip = 0;
  for (const url of extra) {
    const body = Buffer.from(await (await page.request.get(url)).body());
    gzip += gzipSync(body).length;
  }

  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${base}/staff/content/benefits`);
    await editor.getByText("How big the benefit is", { exact: true }).waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  await browser.close();
  await db.destroy();
  console.log("The visual editor on /staff/content/benefits (desktop, no throttling)");
  console.table([
    {
      "scripts beyond the page list": extra.length,
      "KB gzip": (gzip / 1024).toFixed(1),
      "open ms (median)": Math.round(times[Math.floor(times.length / 2)] ?? 0),
      "open ms (slowest)": Math.round(times[times.length - 1] ?? 0),
    },
  ]);
}

async function main() {
  // localhost, not 127.0.0.1: the session cookie is for the site's own host name.
  const server = await startBenchServer({ port, dataDir, host: "localhost" });
  try {
    await measure(server.base);
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
