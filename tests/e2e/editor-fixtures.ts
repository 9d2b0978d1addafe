import { expect, type Page } from "@playwright/test";
import { signIn } from "./staff-fixtures";

/* Steps the page-editor journeys share; each spec keeps only what is its own. */

/** Signs in (the session is per browser context) and opens a staff page. */
export async function openAsStaff(page: Page, path: string): Promise<void> {
  await signIn(page);
  await page.goto(path);
}

/** Publishes with the button named, giving a name first if this sign-in has none yet. */
export async function publish(
  page: Page,
  { author = "Sam Reception", button = "Publish" }: { author?: string; button?: string } = {},
): Promise<void> {
  const name = page.getByLabel("Your name");
  if ((await name.inputValue()) === "") await name.fill(author);
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
