import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { expectLive, openAsStaff, publish } from "./editor-fixtures";
import { clientIp } from "./staff-fixtures";

/*
 * The visual editor, used with JavaScript as a receptionist would: nothing
 * typed but the words themselves. The journeys that type MDX work in source
 * view (editor-fixtures.ts); without JavaScript the editor is today's form.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(43) } });
test.describe.configure({ mode: "serial" });

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const unique = () => Math.random().toString(36).slice(2, 8);

const visual = (page: Page) =>
  page.getByRole("textbox", { name: "Page body, as visitors will see it" });
/** The form's own page text, hidden behind the visual editor, which is what is posted. */
const posted = (page: Page) => page.locator("textarea[name=body]");
const toolbar = (page: Page) => page.getByRole("toolbar");

/** Puts the caret just after `text` in the visual editor, as a click there would. */
async function caretAfter(page: Page, text: string): Promise<void> {
  await visual(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      (root as HTMLElement).focus();
      const range = document.createRange();
      range.setStart(node, at + wanted.length);
      range.collapse(true);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
}

async function picture(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const colour = `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;
  const buffer = await sharp({ create: { width: 60, height: 40, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return { name: "sciatica.png", mimeType: "image/png", buffer };
}

/** Chooses a block type (Paragraph, Heading 2, Quote…) from the toolbar's list. */
async function blockType(page: Page, name: string): Promise<void> {
  await toolbar(page).getByRole("combobox", { name: "Block type" }).click();
  await page.getByRole("option", { name, exact: true }).click();
}

/** Empties the visual editor, as selecting everything and deleting it does. */
async function emptyBody(page: Page): Promise<void> {
  await visual(page).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
}

/** Opens "+ Block" on the component named: the dialog, for filling in. */
async function blockForm(page: Page, name: string): Promise<Locator> {
  await toolbar(page).getByRole("button", { name: "Insert a block" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert a block" });
  await dialog.getByLabel("Block", { exact: true }).selectOption(name);
  return dialog;
}

test("the typo on Benefits is fixed and published without touching markup; the rest of the text is kept byte for byte", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content/benefits");
  await expect(visual(page)).toContainText("mostly first thing in the morning");
  const before = await posted(page).inputValue();
  // The preview is beside the editor from the start.
  await expect(page.getByTestId("preview")).toContainText("How big the benefit is");

  await caretAfter(page, "stiffness, ");
  await page.keyboard.press("Shift+Control+ArrowRight");
  await page.keyboard.type("especially");
  await expect(posted(page)).toHaveValue(
    before.replace("mostly first thing in the morning", "especially first thing in the morning"),
  );
  await expect(page.getByTestId("preview")).toContainText("especially first thing in the morning");

  await publish(page);
  // staff-editor.spec.ts changes /benefits' first paragraph, perhaps at the same moment: the two merge.
  await expect(page.getByText(/^Published/)).toBeVisible({ timeout: 20_000 });
  await expectLive(page, "/benefits", "especially first thing in the morning");
  await expect(visual(page)).toContainText("especially first thing in the morning");

  // The page is left published: staff-editor.spec.ts goes back to the file for /benefits, and a
  // second "go back" at the same moment would race with it.
});

test("the sciatica article is written and published with no <, #, * or - typed", async ({
  page,
}) => {
  const slug = `sciatica${unique()}`;
  await openAsStaff(page, "/staff/new-page");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("Sciatica and acupuncture");
  await page
    .getByLabel("Description")
    .fill("What sciatica is, how it feels, and how acupuncture may help with it.");

  // Everything typed into the body goes through here, so the test can tell it holds no markup.
  const typed: string[] = [];
  const type = async (text: string) => {
    typed.push(text);
    await page.keyboard.type(text);
  };

  await emptyBody(page);

  await blockType(page, "Heading 2");
  await type("What sciatica is");
  await page.keyboard.press("Enter");
  await type("Sciatica is pain that runs from the lower back down one leg. ");
  await page.keyboard.press("Control+B");
  await type("It usually gets better within a few weeks");
  await page.keyboard.press("Control+B");
  await type(".");
  await page.keyboard.press("Enter");

  await toolbar(page).getByRole("radio", { name: "Bulleted list" }).click();
  await type("Pain down one leg");
  await page.keyboard.press("Enter");
  await type("Numbness or tingling in the foot");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await blockType(page, "Heading 2");
  await type("How we can help");
  await page.keyboard.press("Enter");
  await type("You can ask us first: ");
  await type("book a consultation");
  for (let i = 0; i < "book a consultation".length; i += 1)
    await page.keyboard.press("Shift+ArrowLeft");
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString()))
    .toBe("book a consultation");
  await toolbar(page).getByRole("button", { name: "Create link" }).click();
  const address = page.getByPlaceholder("Select or paste an URL");
  await address.click();
  await address.pressSequentially("consult");
  await page.getByRole("option", { name: "/consultation", exact: true }).click();
  await expect(address).toHaveValue("/consultation");
  await page.getByRole("button", { name: "Set URL" }).click();
  await expect(visual(page).getByRole("link", { name: "book a consultation" })).toBeVisible();
  await caretAfter(page, "book a consultation");
  await page.keyboard.press("End");
  await type(".");

  // The image: uploaded, with its alt text and caption, required before it is placed.
  const dialog = await blockForm(page, "Figure");
  await dialog.getByRole("button", { name: "Place the block" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Write the alt text");
  await dialog.getByLabel("Image file").setInputFiles(await picture());
  await dialog
    .getByLabel("Alt text: what the image shows")
    .fill("A person pointing to the back of their leg");
  await dialog
    .getByLabel("Caption: a short line under it")
    .fill("Sciatica often runs down one leg.");
  typed.push("A person pointing to the back of their leg", "Sciatica often runs down one leg.");
  await dialog.getByRole("button", { name: "Place the block" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(visual(page).getByRole("img", { name: "A person pointing" })).toBeVisible();

  // A note Callout.
  await blockForm(page, "Callout");
  await dialog.getByLabel("Kind").selectOption("note");
  await dialog.getByLabel("Title (optional)").fill("See a doctor first");
  await dialog
    .getByLabel("The text of the note")
    .fill("If both legs are weak or numb, get help now.");
  typed.push("See a doctor first", "If both legs are weak or numb, get help now.");
  await dialog.getByRole("button", { name: "Place the block" }).click();
  await expect(dialog).toBeHidden();

  for (const text of typed) expect(text).not.toMatch(/[<#*-]/);

  const saved = await posted(page).inputValue();
  expect(saved).toMatch(/^## What sciatica is$/m);
  expect(saved).toMatch(/^## How we can help$/m);
  expect(saved).toContain("**It usually gets better within a few weeks**");
  expect(saved).toMatch(/^- Pain down one leg\n- Numbness or tingling in the foot$/m);
  expect(saved).toContain("[book a consultation](/consultation)");
  expect(saved).toMatch(
    /<Figure src="\/media\/[^"]+" alt="A person pointing to the back of their leg"/,
  );
  expect(saved).toMatch(/<Callout type="note" title="See a doctor first">/);

  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await page.goto(`/${slug}`);
  const article = page.locator("main");
  await expect(article.getByRole("heading", { level: 2, name: "What sciatica is" })).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "How we can help" })).toBeVisible();
  await expect(article.locator("strong", { hasText: "It usually gets better" })).toBeVisible();
  await expect(
    article.getByRole("listitem").filter({ hasText: "Pain down one leg" }),
  ).toBeVisible();
  await expect(article.getByRole("link", { name: "book a consultation" })).toHaveAttribute(
    "href",
    "/consultation",
  );
  await expect(
    article.getByRole("img", { name: "A person pointing to the back of their leg" }),
  ).toBeVisible();
  await expect(article).toContainText("See a doctor first");
});

test("an image and a component from the tools beside the editor go in at its cursor", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/new-page");
  await emptyBody(page);
  await page.keyboard.type("First paragraph.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Call us on  today.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Last paragraph.");

  // The cursor after the first paragraph, then the image's form filled in beside the editor.
  await caretAfter(page, "First paragraph.");
  const region = page.getByRole("region", { name: "Add an image" });
  await region.getByLabel("Image file").setInputFiles(await picture());
  await region.getByLabel("Alt text").fill("A hand on a lower back");
  await region.getByLabel("Caption", { exact: true }).fill("Where the ache often sits.");
  await region.getByRole("button", { name: "Upload and add to the page" }).click();
  await expect(region.getByText("Image added to the page text where the cursor was.")).toBeVisible({
    timeout: 20_000,
  });
  await expect(visual(page).getByRole("img", { name: "A hand on a lower back" })).toBeVisible();

  // A fact from the component list, inside the sentence where the cursor is.
  await caretAfter(page, "Call us on ");
  await page.getByRole("button", { name: "Insert ClinicPhone" }).click();

  await expect(posted(page)).toHaveValue(
    /^First paragraph\.\n\n<Figure src="\/media\/[^"]+" alt="A hand on a lower back" caption="Where the ache often sits\." width="60" height="40" \/>\n\nCall us on <ClinicPhone \/> today\.\n\nLast paragraph\.\n?$/,
  );
});

test("a Figure can show an image already on the site, chosen by name, with its own alt text", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/new-page");
  await emptyBody(page);
  await page.keyboard.type("Stretch gently between visits.");

  const dialog = await blockForm(page, "Figure");
  await dialog.getByRole("radio", { name: "Use an image already on the site" }).check();
  await dialog.getByLabel("Alt text: what the image shows").fill('A "cat" stretch on a mat');
  await dialog.getByLabel("Caption: a short line under it").fill("One of the stretches we show.");
  await dialog.getByRole("button", { name: "Place the block" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose one of the site's images.");

  await dialog.getByLabel("Image on the site").selectOption({ label: "Illustration: tips" });
  await expect(dialog.locator('img[src="/illustrations/tips.svg"]')).toBeVisible();
  await dialog.getByRole("button", { name: "Place the block" }).click();
  await expect(dialog).toBeHidden();
  await expect(posted(page)).toHaveValue(
    /^Stretch gently between visits\.\n\n<Figure src="\/illustrations\/tips\.svg" alt="A “cat” stretch on a mat" caption="One of the stretches we show\." width="\d+" height="\d+" \/>\n?$/,
  );
  await expect(visual(page).getByRole("img", { name: "A “cat” stretch on a mat" })).toBeVisible();
});

test("undo takes back the last typing, in the editor and in the posted text", async ({ page }) => {
  await openAsStaff(page, "/staff/content/tips");
  const before = await posted(page).inputValue();
  await caretAfter(page, "all of them are worth a try.");
  await page.keyboard.type(" Added words.");
  await expect(posted(page)).toHaveValue(/worth a try\. Added words\./);
  await page.keyboard.press("Control+Z");
  await expect(visual(page)).not.toContainText("Added words.");
  // Typing is undone a run of keys at a time: a few more presses take back the rest, exactly.
  for (let i = 0; i < 5 && (await posted(page).inputValue()) !== before; i += 1) {
    await page.keyboard.press("Control+Z");
    await page.waitForTimeout(100);
  }
  await expect(posted(page)).toHaveValue(before);
  await expect(visual(page)).toContainText("all of them are worth a try.");
  // And redo brings it back.
  await page.keyboard.press("Control+Y");
  await expect(visual(page)).toContainText(/worth a try\. \S/);
});

test("Source shows the text with line numbers and back, losing nothing", async ({ page }) => {
  await openAsStaff(page, "/staff/content/tips");
  await caretAfter(page, "all of them are worth a try.");
  await page.keyboard.type(" Typed visually.");
  await page.getByRole("button", { name: "Source", exact: true }).click();
  const area = page.getByLabel("Page text");
  await expect(area).toBeVisible();
  await expect(area).toHaveValue(/worth a try\. Typed visually\./);
  await expect(page.getByTestId("line-numbers")).toContainText("12");
  await area.fill(`${await area.inputValue()}\n\nTyped in source.\n`);
  await page.getByRole("button", { name: "Source", exact: true }).click();
  await expect(visual(page)).toContainText("Typed visually.");
  await expect(visual(page)).toContainText("Typed in source.");
  await expect(area).toBeHidden();

  // Text the editor cannot read stays source, every character kept.
  await page.getByRole("button", { name: "Source", exact: true }).click();
  const broken = `${await area.inputValue()}\n\n<Callout type="note">\n\nNever closed.\n`;
  await area.fill(broken);
  await page.getByRole("button", { name: "Source", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "cannot be shown visually" }),
  ).toBeVisible();
  await expect(area).toBeVisible();
  await expect(area).toHaveValue(broken);
});

test("the editor is used with the keyboard only", async ({ page }) => {
  await openAsStaff(page, "/staff/content/tips");
  await expect(visual(page)).toBeVisible();
  // From the Source switch, Tab reaches the toolbar; arrows move along it; every button is named.
  await page.getByRole("button", { name: "Source", exact: true }).focus();
  await page.keyboard.press("Tab");
  const names: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    names.push(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute("aria-label") ??
          document.activeElement?.textContent ??
          "",
      ),
    );
    await page.keyboard.press("ArrowRight");
  }
  expect(names).toEqual(
    expect.arrayContaining(["Bold", "Italic", "Bulleted list", "Create link", "Insert a block"]),
  );
  for (const name of names) expect(name.trim()).not.toBe("");

  // Into the text with Tab, type, make a word bold with the keyboard.
  await visual(page).focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Typed with keys. ");
  await page.keyboard.press("Control+B");
  await page.keyboard.type("Bold");
  await page.keyboard.press("Control+B");
  await expect(posted(page)).toHaveValue(/Typed with keys\. \*\*Bold\*\*/);

  // A block placed from the keyboard: the toolbar button, the form, Enter.
  await toolbar(page).getByRole("button", { name: "Insert a block" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Insert a block" });
  await expect(dialog.getByLabel("Block", { exact: true })).toBeFocused();
  await dialog.getByLabel("Block", { exact: true }).selectOption("Callout");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.type("From the keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Placed without a mouse.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(posted(page)).toHaveValue(/<Callout type="note" title="From the keyboard">/);
});

test("the visual editor has no axe violations at phone and desktop widths", async ({ page }) => {
  await openAsStaff(page, "/staff/content/benefits");
  for (const viewport of [
    { width: 375, height: 812 },
    { width: 1280, height: 900 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/staff/content/benefits");
    await expect(visual(page)).toContainText("How big the benefit is");
    const violations = async (where: string, include?: string) => {
      const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
      const results = await (include ? axe.include(include) : axe).analyze();
      return results.violations.map(
        (v) =>
          `${where} ${viewport.width}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    };
    expect(await violations("editor")).toEqual([]);

    // The Insert a block form, for a text block and for a Figure chosen from the site's images.
    const dialog = await blockForm(page, "Callout");
    expect(await violations("Callout form", "dialog")).toEqual([]);
    await dialog.getByLabel("Block", { exact: true }).selectOption("Figure");
    await dialog.getByRole("radio", { name: "Use an image already on the site" }).check();
    await dialog.getByLabel("Image on the site").selectOption({ label: "Illustration: tips" });
    await dialog.getByRole("button", { name: "Place the block" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    expect(await violations("Figure form", "dialog")).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  }
});
