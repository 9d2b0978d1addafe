/*
 * `npm run bench:pages`: how heavy and how fast each public page is for a
 * visitor on a cheap phone and a slow network. Starts the production server
 * (building first if needed), loads every page in Chromium with a 4x slower
 * CPU and a "slow 4G" connection, and prints bytes sent, JavaScript bytes,
 * First Contentful Paint and Largest Contentful Paint. It measures; it asserts nothing.
 */
import { allPublicPaths, publishedPages } from "../tests/e2e/content-pages";
import { extraScriptBytes } from "../tests/e2e/script-weight";
import { launchBenchBrowser, startBenchServer } from "./bench-setup";

const port = 3400;

async function measure(base: string) {
  const browser = await launchBenchBrowser();
  const rows = [];
  for (const path of allPublicPaths) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    // Slow 4G as Lighthouse defines it: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    let bytes = 0;
    let jsBytes = 0;
    const types = new Map<string, string>();
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
      if (types.get(e.requestId) === "Script") jsBytes += e.encodedDataLength;
    });
    await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    const paint = await page.evaluate(
      () =>
        new Promise<{ fcp: number; lcp: number }>((resolve) => {
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve({ fcp, lcp: entries[entries.length - 1]?.startTime ?? 0 });
          }).observe({ type: "largest-contentful-paint", buffered: true });
        }),
    );
    rows.push({
      page: path,
      "KB sent": (bytes / 1024).toFixed(1),
      "JS KB": (jsBytes / 1024).toFixed(1),
      "FCP ms": Math.round(paint.fcp),
      "LCP ms": Math.round(paint.lcp),
    });
    await context.close();
  }
  await browser.close();
  console.log("Phone (390px), CPU 4x slower, slow 4G; compressed bytes as sent by next start");
  console.table(rows);
  const articles = publishedPages.filter((p) => p.path !== "/").map((p) => p.path);
  const extra = [];
  for (const path of articles) {
    const { files, gzipBytes } = await extraScriptBytes(base, path);
    extra.push({
      page: path,
      "scripts beyond the 404 page": files.length,
      "KB gzip": (gzipBytes / 1024).toFixed(1),
    });
  }
  console.log("Script an article ships beyond the 404 page (the framework every page shares)");
  console.table(extra);
}

async function main() {
  const server = await startBenchServer({ port, dataDir: ".bench-data" });
  try {
    await measure(server.base);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
