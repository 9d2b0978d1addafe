import { expect, test, type Page } from "@playwright/test";
import { navigation } from "./content-pages";

const phone = { width: 390, height: 800 };

async function followMenuLink(page: Page, label: string) {
  const menu = page.locator("header details");
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await menu.getByRole("link", { name: label, exact: true }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`phone menu with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ viewport: phone, javaScriptEnabled });

    test("lists the navigation from content and reaches every page", async ({ page }) => {
      await page.goto("/");
      const menu = page.locator("header details");
      await menu.locator("summary").click();
      const labels = await menu.getByRole("link").allTextContents();
      expect(labels).toEqual([...navigation.map((item) => item.label), "Request a consultation"]);

      for (const item of navigation.slice(0, 3)) {
        await page.goto("/");
        await followMenuLink(page, item.label);
        await expect(page).toHaveURL(new RegExp(`${item.path}$`));
        await expect(page.locator("h1")).toBeVisible();
        // The header remounts with each page, so the menu starts closed again.
        await expect(page.locator("header details")).not.toHaveAttribute("open", "");
      }
    });
  });
}

test("desktop navigation shows in one row at 1280px with no label broken over two lines", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav).toBeVisible();
  // A label broken over two lines ("What to / expect") reads as two links.
  const boxes = await nav.getByRole("link").evaluateAll((links) =>
    links.map((link) => {
      // The links are inline-flex boxes, so count the lines of their text instead.
      const text = document.createRange();
      text.selectNodeContents(link);
      return { lines: text.getClientRects().length, top: link.getBoundingClientRect().top };
    }),
  );
  expect(boxes.length).toBe(navigation.length + 1);
  for (const box of boxes) expect(box.lines).toBe(1);
  expect(new Set(boxes.map((box) => Math.round(box.top))).size).toBe(1);
  await nav.getByRole("link", { name: navigation[0]?.label ?? "", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${navigation[0]?.path}$`));
});

test("the skip link is the first stop for the keyboard and moves focus to the content", async ({
  page,
}) => {
  await page.goto("/benefits");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await skip.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

/*
 * Every stop of the keyboard shows where it is, also in forced-colors (high
 * contrast) mode, which removes box-shadow focus rings and background colours.
 */
for (const forcedColors of ["none", "active"] as const) {
  test(`keyboard focus is visible on every stop with forced colours ${forcedColors}`, async ({
    page,
  }) => {
    await page.emulateMedia({ forcedColors });
    for (const path of ["/how-it-works", "/consultation"]) {
      await page.goto(path);
      const unseen: string[] = [];
      for (let stop = 0; stop < 40; stop += 1) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
          return {
            name: `${el.tagName.toLowerCase()} ${el.getAttribute("name") ?? el.textContent?.trim().slice(0, 30)}`,
            seen: outline || style.boxShadow !== "none",
          };
        });
        if (focus && !focus.seen) unseen.push(focus.name);
      }
      expect(unseen, `${path}: focus not visible on`).toEqual([]);
    }
  });
}
