import { expect, type Locator, type Page } from "@playwright/test";
import { signIn, type TestAccount } from "./staff-fixtures";

/* Steps the page-editor journeys share; each spec keeps only what is its own. */

/**
 * Signs in (the session is per browser context) as a new account, or the one
 * given, and opens a staff page. Gives the account: what is published goes
 * under its name.
 */
export async function openAsStaff(
  page: Page,
  path: string,
  options: Parameters<typeof signIn>[1] = {},
): Promise<TestAccount> {
  const account = await signIn(page, options);
  await page.goto(path);
  return account;
}

/** Publishes with the button named: under the signed-in person, who types no name. */
export async function publish(
  page: Page,
  { button = "Publish" }: { button?: string } = {},
): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
}

/**
 * Polls the public page until it shows `text`. A publish revalidates every page, and the first
 * request after it may still get the old page while the new one renders in the background, so
 * this waits for the new one; a slow machine (CI) can take several seconds to render it.
 */
export async function expectLive(page: Page, path: string, text: string | RegExp): Promise<void> {
  await expect(async () => {
    const html = await (await page.request.get(path)).text();
    expect(html).toMatch(text);
  }).toPass({ timeout: 20_000, intervals: [250] });
}

/**
 * With JavaScript the page text opens in the visual editor; journeys that type MDX into "Page
 * text" switch to source view, which this browser then keeps (the switch is remembered), and get
 * the textarea.
 */
export async function sourceText(page: Page): Promise<Locator> {
  const toggle = page.getByRole("button", { name: "Source", exact: true });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  return page.getByLabel("Page text");
}

/** Opens every later editor of this page's browser context in source view, as `sourceText` leaves it. */
export async function preferSourceView(target: Pick<Page, "addInitScript">): Promise<void> {
  await target.addInitScript(() => window.localStorage.setItem("page-editor-view", "source"));
}
