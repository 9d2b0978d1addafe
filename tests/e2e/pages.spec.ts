import { expect, test } from "@playwright/test";
import { sourceHref } from "@/lib/content/checks/sources-schema";
import { getSources } from "@/lib/content/files/sources";
import { draftPaths, publishedPages } from "./content-pages";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { practitionerName } from "@/lib/validations/clinic-schema";

test.describe("content pages", () => {
  for (const page of publishedPages) {
    test(`${page.path} renders its one h1, canonical URL and structured data`, async ({
      page: tab,
    }) => {
      const response = await tab.goto(page.path);
      expect(response?.status()).toBe(200);
      await expect(tab.locator("h1")).toHaveCount(1);
      await expect(tab.locator("h1")).toHaveText(page.title);
      await expect(tab).toHaveTitle(page.fullTitle);
      expect(page.fullTitle.length).toBeLessThanOrEqual(70);
      await expect(tab.locator('link[rel="canonical"]')).toHaveAttribute(
        "href",
        new RegExp(`${page.path === "/" ? "" : page.path}$`),
      );
      const types = await tab
        .locator('script[type="application/ld+json"]')
        .evaluateAll((nodes) =>
          nodes.map(
            (node) => (JSON.parse(node.textContent ?? "{}") as { "@type": string })["@type"],
          ),
        );
      expect(types).toContain("MedicalClinic");
      if (page.path !== "/") expect(types).toContain("BreadcrumbList");
    });
  }

  test("articles show review date, reviewer, reading time, contents and next steps", async ({
    page,
  }) => {
    await page.goto("/benefits");
    await expect(page.getByText(/Last reviewed .* by .*minute read/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "On this page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Request a consultation" }).last()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "More articles" })).toBeVisible();
    await expect(page.getByText(/general information, not a diagnosis/).first()).toBeVisible();
    const types = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((nodes) =>
        nodes.map((node) => JSON.parse(node.textContent ?? "{}") as Record<string, unknown>),
      );
    const medical = types.find((data) => data["@type"] === "MedicalWebPage");
    expect(medical).toMatchObject({
      lastReviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reviewedBy: { name: expect.any(String) },
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("FAQ answers open and are given to search engines", async ({ page }) => {
      await page.goto("/is-it-right-for-you");
      const question = page.locator("main details").first();
      await question.locator("summary").click();
      await expect(question).toHaveAttribute("open", "");
      const faq = await page
        .locator('script[type="application/ld+json"]')
        .evaluateAll((nodes) =>
          nodes
            .map((node) => JSON.parse(node.textContent ?? "{}") as Record<string, unknown>)
            .find((data) => data["@type"] === "FAQPage"),
        );
      expect((faq?.mainEntity as unknown[]).length).toBeGreaterThanOrEqual(4);
    });
  });

  test("the warning signs come in two levels, each with its own advice", async ({ page }) => {
    await page.goto("/is-it-right-for-you");
    const emergency = page.getByRole("region", {
      name: "Call 911 or go to an emergency department now",
    });
    const today = page.getByRole("region", { name: "See a doctor today" });
    await expect(emergency.getByRole("listitem")).toHaveCount(5);
    await expect(emergency).toContainText("Numbness or tingling around your genitals or buttocks");
    await expect(emergency).toContainText("Chest pain or sudden breathlessness");
    await expect(emergency.getByRole("link", { name: "911" }).first()).toHaveAttribute(
      "href",
      "tel:911",
    );
    await expect(emergency).not.toContainText("today");
    await expect(today.getByRole("listitem")).toHaveCount(7);
    await expect(today).toContainText("A lump or swelling on your back, or a change in its shape");
    await expect(today).toContainText("Ask your doctor for an urgent appointment today");
    await expect(today).not.toContainText(/\bnow\b|911/);
  });

  test("after-care keeps its levels: breathlessness is an emergency now, a sore needle site a doctor", async ({
    page,
  }) => {
    await page.goto("/what-to-expect");
    const afterCare = page.getByRole("complementary", {
      name: "After a session: when to get help",
    });
    await expect(afterCare).toContainText(
      "Call 911 now if you become breathless or have chest pain after a session",
    );
    await expect(afterCare.getByRole("link", { name: "911" })).toHaveAttribute("href", "tel:911");
    await expect(afterCare).toContainText(
      "See a doctor if a place where a needle went in becomes red, hot, swollen or weeping",
    );
    await expect(afterCare).not.toContainText("today");
  });

  const sources = getSources();
  for (const page of publishedPages.filter((p) => p.sources.length > 0)) {
    test(`${page.path} lists its sources in full, each with its year and a link`, async ({
      page: tab,
    }) => {
      await tab.goto(page.path);
      const list = tab.getByRole("region", { name: "Sources" });
      await expect(list.getByRole("listitem")).toHaveCount(page.sources.length);
      for (const [i, key] of page.sources.entries()) {
        const source = sources[key]!;
        const item = list.getByRole("listitem").nth(i);
        await expect(item).toContainText(source.authors);
        await expect(item).toContainText(source.title);
        await expect(item).toContainText(String(source.year));
        await expect(item.getByRole("link")).toHaveAttribute("href", sourceHref(source));
      }
      // Every citation in the text leads to an entry in the list.
      const targets = await tab
        .locator('main a[href^="#source-"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      expect(targets.length).toBeGreaterThan(0);
      for (const target of new Set(targets)) {
        await expect(tab.locator(target!)).toHaveCount(1);
      }
    });
  }

  for (const path of draftPaths) {
    test(`draft ${path} does not exist in the production build`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    });
  }
});

test("an unknown address gets a 404 page with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("We can't find that page");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the footer gives the clinic's details, hours, a disclaimer and the privacy link", async ({
  page,
}) => {
  const clinic = loadClinic();
  await page.goto("/tips");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("heading", { name: clinic.name })).toBeVisible();
  await expect(footer.getByText(clinic.address.street)).toBeVisible();
  await expect(footer.getByRole("link", { name: clinic.phone })).toHaveAttribute("href", /^tel:\+/);
  await expect(footer.getByRole("heading", { name: "Opening hours" })).toBeVisible();
  await expect(footer.getByText(/not a diagnosis or medical advice/)).toBeVisible();
  await expect(footer.getByRole("link", { name: "Privacy notice" })).toHaveAttribute(
    "href",
    "/privacy",
  );
  // Credentials such as "L.Ac." end in a full stop already; the sentence must not add another.
  await expect(footer).toContainText(practitionerName(clinic));
  expect(await footer.textContent()).not.toMatch(/\.\./);
});

test("the footer leads to the accessibility statement: the standard, how it is checked, and whom to tell", async ({
  page,
}) => {
  const clinic = loadClinic();
  await page.goto("/tips");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  const main = page.getByRole("main");
  await expect(main).toContainText("WCAG) 2.2");
  await expect(main).toContainText("level AA");
  for (const heading of [
    "How we check it",
    "What we know is not perfect yet",
    "Information in another format",
    "Tell us about a barrier",
  ])
    await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  // Whom to tell comes from the clinic details, so a new number or address shows here too.
  await expect(main.getByRole("link", { name: clinic.phone }).first()).toHaveAttribute(
    "href",
    /^tel:\+/,
  );
  await expect(main.getByRole("link", { name: clinic.email }).first()).toHaveAttribute(
    "href",
    `mailto:${clinic.email}`,
  );
  await expect(main.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
});

test("a printed article is dark ink on white, without navigation or buttons, even in dark mode", async ({
  page,
}) => {
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await page.goto("/what-to-expect");
  const ink = await page
    .locator("main .prose > p")
    .first()
    .evaluate((p) => getComputedStyle(p).color);
  // The light theme's ink, #1f2a2e, not the dark theme's pale text.
  expect(ink).toBe("rgb(31, 42, 46)");
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "More articles" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Request a consultation" })).toHaveCount(0);
  await expect(
    page
      .locator("main")
      .getByText(/Call us on/)
      .first(),
  ).toBeVisible();
});

test("phone numbers are never broken across lines, even at 320px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("/about");
  const lines = await page.locator('a[href^="tel:"]').evaluateAll((links) =>
    links.map((link) => {
      const text = document.createRange();
      text.selectNodeContents(link);
      return text.getClientRects().length;
    }),
  );
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.every((count) => count === 1)).toBe(true);
});
