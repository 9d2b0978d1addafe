import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { allPublicPaths, draftPaths, publishedPages } from "./content-pages";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

for (const pagePath of allPublicPaths) {
  test.describe(`${pagePath}`, () => {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const colorScheme of ["light", "dark"] as const) {
        test(`has no axe violations on ${device} in ${colorScheme}`, async ({ page }) => {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
          await page.goto(pagePath);
          const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
          expect(
            results.violations.map(
              (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
            ),
          ).toEqual([]);
        });
      }
    }

    test("makes no request to another origin and does not scroll sideways at 320px", async ({
      page,
      baseURL,
    }) => {
      const origin = new URL(baseURL ?? "").origin;
      const foreign: string[] = [];
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("data:") && new URL(url).origin !== origin) foreign.push(url);
      });
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(pagePath, { waitUntil: "networkidle" });
      expect(foreign).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test("every response carries the security headers and no X-Powered-By", async ({ request }) => {
  for (const pagePath of ["/", "/benefits", "/no-such-page"]) {
    const response = await request.get(pagePath);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("the sitemap lists every published page and no draft; robots points at it", async ({
  request,
  baseURL,
}) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1] ?? "").pathname,
  );
  for (const page of publishedPages) expect(locs).toContain(page.path);
  for (const draft of draftPaths) expect(locs).not.toContain(draft);
  expect(locs.some((loc) => loc.startsWith("/staff"))).toBe(false);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toMatch(/Disallow: \/staff/);
});

test("every content page was prerendered as static HTML by next build", () => {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifestFile = path.join(distDir, "prerender-manifest.json");
  expect(existsSync(manifestFile)).toBe(true);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    routes: Record<string, unknown>;
  };
  for (const page of publishedPages) expect(Object.keys(manifest.routes)).toContain(page.path);
  for (const draft of draftPaths) expect(Object.keys(manifest.routes)).not.toContain(draft);
});

test("each article has its own Open Graph image", async ({ page, request }) => {
  await page.goto("/benefits");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/\/benefits\/opengraph-image/);
  const response = await request.get(new URL(image ?? "").pathname + new URL(image ?? "").search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});
