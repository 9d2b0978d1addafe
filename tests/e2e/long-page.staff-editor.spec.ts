import { expect, test, type Page } from "@playwright/test";
import { expectLive, openAsStaff, publish } from "./editor-fixtures";
import { clientIp } from "./staff-fixtures";

/*
 * A long page, as a receptionist pastes it, published without JavaScript:
 * the plain form post carries the text twice. Past about 31,400 characters it
 * used to meet the server action body limit and a bare "Internal Server
 * Error", the text lost. Named *.staff-editor.spec.ts: it changes what
 * visitors see, so it runs after every spec that reads the public pages.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(42) }, javaScriptEnabled: false });

/** Puts the text in the text area at once, as a paste does (typing 190,000 characters takes minutes). */
async function paste(page: Page, text: string): Promise<void> {
  await page
    .getByLabel("Page text")
    .evaluate((area: HTMLTextAreaElement, value) => (area.value = value), text);
}

/** Paragraphs of plain text, about `length` characters, ending with a line to look for. */
function longText(length: number, last: string): string {
  const paragraph = (n: number) =>
    `Paragraph ${n} of a long page about the clinic's opening times and how to find the door.\n\n`;
  let text = "";
  for (let n = 1; text.length < length - 200; n++) text += paragraph(n);
  return `${text}${last}`;
}

test("a page of about 190,000 characters publishes without JavaScript; one over the limit is refused with the limit named and the text kept", async ({
  page,
}) => {
  const slug = `long-page-${Date.now().toString(36)}`;
  await openAsStaff(page, "/staff/new-page");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("A very long page");
  await page.getByLabel("Description").fill("A long page, published without JavaScript.");

  const tooLong = longText(205_000, "The last line of the too-long text.");
  await paste(page, tooLong);
  await publish(page);
  await expect(page.getByText(/a page can have at most 200,000/)).toBeVisible({
    timeout: 30_000,
  });
  expect(await page.getByLabel("Page text").inputValue()).toBe(tooLong);
  expect((await page.request.get(`/${slug}`)).status()).toBe(404);

  const text = longText(190_000, "The last line of the long page.");
  expect(text.length).toBeGreaterThan(189_000);
  await paste(page, text);
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 30_000 });
  await expectLive(page, `/${slug}`, "The last line of the long page.");

  // Put the site back for the other journeys.
  await page.getByLabel(`Yes, delete /${slug}`).check();
  await page.getByRole("button", { name: "Delete page" }).click();
  await expect(page.getByText("The page was deleted.")).toBeVisible();
});
