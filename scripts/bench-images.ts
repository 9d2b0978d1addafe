/*
 * `npm run bench:images`: what a photo straight from a phone costs a visitor
 * on a phone. Makes a 4032 × 3024 JPEG of about 4.6 MB with a GPS position
 * (noise at a few scales, so encoders meet photo-like detail), uploads it
 * through the site's own upload function into a throwaway database, publishes
 * one page with it and the same page without it, starts the production
 * server (building first if needed) and loads both pages in Chromium at
 * 390 px, as bench:pages does (CPU 4x slower, "slow 4G"), at device pixel
 * ratios 1 and 3. Prints the image bytes downloaded and the Largest
 * Contentful Paint, the median of RUNS loads taken in alternating rounds. It measures; it asserts nothing.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { uploadImage } from "@/lib/content/images/upload-image";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { addPageRevision } from "@/lib/db/content-revisions";
import { GPS, photoPixels } from "../tests/unit/content/images/image-fixtures";
import { launchBenchBrowser, startBenchServer } from "./bench-setup";

const port = 3410;
const base = `http://127.0.0.1:${port}`;
const dataDir = path.resolve(".bench-images-data");
const RUNS = 5;
const ALT = "The treatment room, with a couch by the window";

async function seed(): Promise<{ photoBytes: number; src: string }> {
  rmSync(dataDir, { recursive: true, force: true });
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  const photo = await (
    await photoPixels(4032, 3024, true)
  )
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "Phone maker" }, IFD3: GPS })
    .toBuffer();
  const upload = await uploadImage(
    db,
    new File([new Uint8Array(photo)], "IMG_0001.jpg"),
    new Date(),
  );
  if (!upload.ok) throw new Error(`upload refused: ${upload.error}`);
  const text = (figure: string) =>
    `Our clinic is a quiet room above the pharmacy, with a couch by the window and a heater for winter.\n\n${figure}\n\nA first visit takes about an hour: we listen, examine your back and agree a plan before any treatment.\n`;
  const figure = `<Figure src="${upload.src}" alt="${ALT}" caption="The room where you are treated." width="${upload.width}" height="${upload.height}" />`;
  for (const [slug, body] of [
    ["bench-photo", text(figure)],
    ["bench-no-photo", text("")],
  ] as const) {
    await addPageRevision(db, {
      slug,
      author: "Bench",
      note: null,
      action: "publish",
      frontmatter: {
        title: "Our treatment room",
        description: "A look at the room where treatment happens.",
        lastReviewed: "2026-12-01",
      },
      body,
      baseHash: null,
      parentId: 0,
      now: new Date(),
    });
  }
  await db.destroy();
  return { photoBytes: photo.length, src: upload.src };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(browser: Browser, address: string, dpr: number) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: dpr,
  });
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
  const media = new Map<string, string>();
  let imageBytes = 0;
  let files: string[] = [];
  cdp.on("Network.requestWillBeSent", (e) => {
    if (new URL(e.request.url).pathname.startsWith("/media/"))
      media.set(e.requestId, e.request.url);
  });
  cdp.on("Network.loadingFinished", (e) => {
    const url = media.get(e.requestId);
    if (!url) return;
    imageBytes += e.encodedDataLength;
    files = [...files, new URL(url).pathname.replace(/^\/media\/[0-9a-f]{56}/, "…")];
  });
  await page.goto(`${base}${address}`, { waitUntil: "networkidle" });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]?.startTime ?? 0);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return { imageBytes, files, lcp };
}

async function main() {
  const { photoBytes, src } = await seed();
  // The data folder seeded just now is the one it serves.
  const server = await startBenchServer({ port, dataDir, env: { DATABASE_URL: "" }, seeded: true });
  try {
    const browser = await launchBenchBrowser();
    // One load each first, so every page is rendered and cached before anything is timed.
    for (const address of ["/bench-photo", "/bench-no-photo"]) await measure(browser, address, 1);
    // Rounds alternate the pages, so the shared machine's drift hits both alike.
    const cases = [1, 3].flatMap((dpr) =>
      ["/bench-photo", "/bench-no-photo"].map((address) => ({ dpr, address })),
    );
    const runs = cases.map(() => [] as Awaited<ReturnType<typeof measure>>[]);
    for (let i = 0; i < RUNS; i++) {
      for (const [n, { dpr, address }] of cases.entries()) {
        runs[n]?.push(await measure(browser, address, dpr));
      }
    }
    const rows = cases.map(({ dpr, address }, n) => {
      const each = runs[n] ?? [];
      return {
        page: address,
        "pixel ratio": dpr,
        "image files": each[0]?.files.join(" ") || "none",
        "image KB": (median(each.map((r) => r.imageBytes)) / 1024).toFixed(1),
        "LCP ms (median)": Math.round(median(each.map((r) => r.lcp))),
        "LCP ms (each)": each.map((r) => Math.round(r.lcp)).join(" / "),
      };
    });
    await browser.close();
    console.log(
      `Uploaded: 4032 × 3024 JPEG, ${(photoBytes / 1024 / 1024).toFixed(1)} MB, as ${src}`,
    );
    console.log("Phone (390px), CPU 4x slower, slow 4G; bytes as sent by next start");
    console.table(rows);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
