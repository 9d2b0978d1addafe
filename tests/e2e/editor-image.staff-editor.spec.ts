import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { clientIp, signIn } from "./staff-fixtures";
import { preferSourceView } from "./editor-fixtures";

/*
 * An image is added from inside the page editor: no trip to the Images page,
 * so nothing typed is left behind. The Figure goes where the cursor is, with
 * the alt text and caption asked for beside the file.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(42) } });

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));
test.describe.configure({ mode: "serial" });

const unique = () => Math.random().toString(36).slice(2, 8);

async function picture(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  // A colour of its own each run, so it is a new upload and not one stored earlier.
  const colour = `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;
  const buffer = await sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return { name: "shoulder.png", mimeType: "image/png", buffer };
}

const body = (page: Page) => page.getByLabel("Page text");
const addImage = (page: Page) => page.getByRole("region", { name: "Add an image" });

test("an image uploaded in the editor goes in at the cursor, typing kept, alt text required", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/staff/new-page");
  const typed = `First paragraph ${unique()}.\n\nLast paragraph.`;
  await body(page).fill(typed);
  // The cursor between the two paragraphs.
  await body(page).evaluate(
    (area: HTMLTextAreaElement, at) => area.setSelectionRange(at, at),
    typed.indexOf("\n\n"),
  );

  const region = addImage(page);
  await region.getByLabel("Image file").setInputFiles(await picture());
  await region.getByRole("button", { name: "Upload and add to the page" }).click();
  await expect(region.getByText(/Alt text: Describe what the image shows/)).toBeVisible();
  await expect(body(page)).toHaveValue(typed);

  await region.getByLabel("Alt text").fill('Needles along the "top" of the shoulder');
  await region.getByLabel("Caption", { exact: true }).fill("The upper trapezius.");
  await region.getByRole("button", { name: "Upload and add to the page" }).click();
  await expect(
    region.getByText("Image added to the page text where the cursor was."),
  ).toBeVisible();

  const text = await body(page).inputValue();
  expect(text).toMatch(
    /^First paragraph \w+\.\n\n<Figure src="\/media\/[0-9a-f]{64}-40\.(jpg|png)" alt="Needles along the “top” of the shoulder" caption="The upper trapezius\." width="40" height="30" \/>\n\nLast paragraph\.$/,
  );
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the upload adds the Figure to the end of the previewed draft and comes back to it", async ({
    page,
  }) => {
    await signIn(page);
    await page.goto("/staff/new-page");
    const typed = `Typed before the image ${unique()}.`;
    await body(page).fill(typed);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(body(page)).toHaveValue(typed);

    const region = addImage(page);
    await region.getByLabel("Image file").setInputFiles(await picture());
    await region.getByRole("button", { name: "Upload and add to the page" }).click();
    await expect(region.getByText(/Alt text: Describe what the image shows/)).toBeVisible();
    await expect(body(page)).toHaveValue(typed);

    await region.getByLabel("Image file").setInputFiles(await picture());
    await region.getByLabel("Alt text").fill("A bright square");
    await region.getByLabel("Caption", { exact: true }).fill("Colour for the test.");
    await region.getByRole("button", { name: "Upload and add to the page" }).click();
    await expect(body(page)).toHaveValue(
      new RegExp(
        `^${typed.replace(".", "\\.")}\\n\\n<Figure src="/media/[0-9a-f]{64}-40\\.(jpg|png)" alt="A bright square" caption="Colour for the test\\." width="40" height="30" />\\n$`,
      ),
    );
    // The draft stays the person's: discard it so the next run of this journey starts clean.
    await page.goto("/staff/new-page");
    await page.getByRole("button", { name: "Discard the draft" }).click();
  });
});
