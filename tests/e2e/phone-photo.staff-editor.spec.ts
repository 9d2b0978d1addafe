import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { addPageRevision } from "@/lib/db/content-revisions";
import { E2E_BASE_URL } from "./server-env";
import { clientIp, signIn, testDb } from "./staff-fixtures";

/*
 * A photo straight from a phone, uploaded by staff and shown on a page: a
 * visitor on a phone downloads the small copy, and no copy tells where the
 * photo was taken. Sizes are read in the browser, from Resource Timing.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(41) } });

const ALT = "The treatment room, with a couch by the window";

/** 2400 × 1800 of noise at a few scales, as a phone's JPEG with its GPS position. */
async function phonePhoto(): Promise<Buffer> {
  const layer = (w: number, h: number, sigma: number) =>
    sharp({
      create: {
        width: w,
        height: h,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma },
      },
    }).resize(2400, 1800, { kernel: "cubic" });
  const base = await layer(24, 18, 50).raw().toBuffer();
  return sharp(base, { raw: { width: 2400, height: 1800, channels: 3 } })
    .composite([{ input: await layer(2400, 1800, 8).png().toBuffer(), blend: "overlay" }])
    .jpeg({ quality: 92 })
    .withExif({
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 26/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 39/1",
      },
    })
    .toBuffer();
}

test("a phone downloads the small copy of an uploaded photo, which carries no position", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const photo = await phonePhoto();
  expect((await sharp(photo).metadata()).exif).toBeDefined();

  await signIn(page);
  await page.goto("/staff/images");
  // Past the limit, even past what the staff proxy passes on: refused by size, by name.
  await page.getByLabel("Image file").setInputFiles({
    name: "huge.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.concat([photo, Buffer.alloc(11 * 1024 * 1024)]),
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText("That file is over 8 MB.")).toBeVisible();
  await page.getByLabel("Image file").setInputFiles({
    name: "IMG_0001.jpg",
    mimeType: "image/jpeg",
    buffer: photo,
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  const snippet = page.getByRole("status").locator("code");
  await expect(snippet).toContainText('width="1600" height="1200"', { timeout: 60_000 });
  const src = /src="([^"]+)"/.exec((await snippet.textContent()) ?? "")?.[1] ?? "";
  expect(src).toMatch(/^\/media\/[0-9a-f]{64}-1600\.jpg$/);
  const small = src.replace("-1600.jpg", "-480.avif");
  for (const path of [src, small]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"]).toContain("immutable");
    const meta = await sharp(await response.body()).metadata();
    expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
  }

  const slug = `photo-${Math.random().toString(36).slice(2, 8)}`;
  await addPageRevision(await testDb(), {
    slug,
    author: "Sam Reception",
    note: null,
    action: "publish",
    frontmatter: {
      title: "Our treatment room",
      description: "A look at the room where treatment happens.",
      lastReviewed: "2026-12-01",
    },
    body: `Our treatment room.\n\n<Figure src="${src}" alt="${ALT}" caption="The room where you are treated." width="1600" height="1200" />\n\nIt is quiet and warm.\n`,
    baseHash: null,
    parentId: 0,
    now: new Date(),
  });
  // Stored as the editor stores a publish; the server notices a new revision within a second.
  await page.waitForTimeout(1_500);
  await expect(async () => {
    expect((await page.request.get(`/${slug}`)).status()).toBe(200);
  }).toPass({ timeout: 10_000 });

  /** What a visitor with this screen downloads for the page's images, measured in the browser. */
  const visit = async (width: number, deviceScaleFactor = 1) => {
    const context = await browser.newContext({
      baseURL: E2E_BASE_URL,
      viewport: { width, height: 844 },
      deviceScaleFactor,
    });
    const visitor = await context.newPage();
    await visitor.goto(`/${slug}`);
    const image = visitor.getByRole("img", { name: ALT });
    await expect(image).toHaveJSProperty("complete", true);
    const shown = await image.evaluate((img: HTMLImageElement) => ({
      currentSrc: new URL(img.currentSrc).pathname,
      shownWidth: img.getBoundingClientRect().width,
    }));
    const loaded = await visitor.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.startsWith("/media/"))
        .map((entry) => ({
          path: new URL(entry.name).pathname,
          bytes: (entry as PerformanceResourceTiming).encodedBodySize,
        })),
    );
    await context.close();
    return { ...shown, loaded };
  };

  const phone = await visit(390);
  expect(phone.currentSrc).toBe(small);
  // The page column is 358 px wide here: the 480-pixel copy is the smallest that fills it.
  expect(phone.shownWidth).toBe(358);
  expect(phone.loaded).toHaveLength(1);
  const stored = await (await page.request.get(small)).body();
  expect((await sharp(stored).metadata()).width).toBe(480);
  expect(phone.loaded[0]).toEqual({ path: small, bytes: stored.length });
  expect(stored.length).toBeLessThan(photo.length / 20);

  // A phone with three pixels to the CSS pixel gets twice the column, not three times.
  const dense = await visit(390, 3);
  expect(dense.currentSrc).toBe(src.replace("-1600.jpg", "-800.avif"));
  expect(dense.loaded.map((entry) => entry.path)).toEqual([dense.currentSrc]);

  // The choice is the browser's, by width: the page column on a laptop takes the 800-pixel copy.
  const laptop = await visit(1280);
  expect(laptop.currentSrc).toBe(src.replace("-1600.jpg", "-800.avif"));
  expect(laptop.loaded.map((entry) => entry.path)).toEqual([laptop.currentSrc]);
});
