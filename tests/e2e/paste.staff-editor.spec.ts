import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openAsStaff } from "./editor-fixtures";
import { clientIp } from "./staff-fixtures";

/*
 * A receptionist pastes a document copied from Word into the page, in the
 * visual editor and in source view: it goes in as the page's Markdown
 * (heading, list, bold, link, table), the preview shows it as visitors would
 * see it, and the editor says the picture did not come. The clipboard is the
 * real Word capture the unit tests use (tests/fixtures/paste/), handed to the
 * page in a paste event as Ctrl+V would. Nothing is published: the page
 * stays as other specs expect.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(61) } });

const WORD = readFileSync(
  path.resolve(__dirname, "../fixtures/paste/word-2013-test-document.html"),
  "utf8",
);

/**
 * Pastes as Ctrl+V would: a ClipboardEvent whose DataTransfer holds the HTML.
 * Gives whether the page let the browser paste on its own (no preventDefault).
 */
async function paste(target: Locator, data: { html?: string; text: string }): Promise<boolean> {
  return target.evaluate((element, { html, text }) => {
    const transfer = new DataTransfer();
    if (html) transfer.setData("text/html", html);
    transfer.setData("text/plain", text);
    (element as HTMLElement).focus();
    return element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}

const visual = (page: Page) =>
  page.getByRole("textbox", { name: "Page body, as visitors will see it" });
/** The form's own page text: what is posted, shown in source view. */
const posted = (page: Page) => page.locator("textarea[name=body]");

/** What a paste of the Word document must have put in the page text, and must not. */
function expectWordMarkdown(text: string) {
  expect(text).toContain("## Test page for FCKeditor\n\nThis document contains");
  expect(text).toContain("[France](http://en.wikipedia.org/wiki/France)");
  expect(text).toContain("won't receive **proper** markup");
  expect(text).toContain("1. level1\n2. leve1\n   1. level2");
  expect(text).toMatch(/\| Sweden +\| 17\.12 +\|/);
  expect(text).not.toMatch(/mso-|MsoNormal|<o:p>|<span|SimSun|clip_image/);
}

async function expectWordPreviewAndNote(page: Page) {
  await expect(page.getByTestId("paste-notes")).toContainText(
    "1 image was not pasted: add it with Add an image, so each has alt text.",
  );
  const preview = page.getByTestId("preview");
  await expect(preview.getByRole("heading", { name: "Test page for FCKeditor" })).toBeVisible();
  await expect(preview.getByRole("cell", { name: "United Kingdom" })).toBeVisible();
  await expect(preview.getByRole("link", { name: "France" })).toHaveAttribute(
    "href",
    "http://en.wikipedia.org/wiki/France",
  );
  await expect(preview.locator("strong", { hasText: "proper" })).toBeVisible();
}

test("a page copied from Word is pasted in the visual editor as the page's own headings, lists and table", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content/tips");
  const editor = visual(page);
  await expect(editor).toContainText("Acupuncture is something we do together.");
  // The caret at the end of the first paragraph, as a click there would put it.
  await editor.evaluate((root) => {
    const first = root.querySelector("p");
    if (!first) throw new Error("no paragraph in the editor");
    (root as HTMLElement).focus();
    const range = document.createRange();
    range.selectNodeContents(first);
    range.collapse(false);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  expect(await paste(editor, { html: WORD, text: "Test page for FCKeditor" })).toBe(false);

  await expect(editor.getByRole("heading", { name: "Test page for FCKeditor" })).toBeVisible();
  await expect(editor.getByRole("cell", { name: "Sweden" })).toBeVisible();
  await expect(posted(page)).toHaveValue(/worth a try\.\n\n## Test page for FCKeditor/);
  expectWordMarkdown(await posted(page).inputValue());
  await expectWordPreviewAndNote(page);
});

test("in source view, the same paste goes in as Markdown at the cursor", async ({ page }) => {
  await openAsStaff(page, "/staff/content/tips");
  await page.getByRole("button", { name: "Source" }).click();
  const body = page.getByLabel("Page text");
  await expect(body).toBeVisible();
  await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, 0));
  expect(await paste(body, { html: WORD, text: "Test page for FCKeditor" })).toBe(false);

  const text = await body.inputValue();
  expect(text).toMatch(/^## Test page for FCKeditor\n/);
  expectWordMarkdown(text);
  // The page's own text follows the pasted part, a blank line after it.
  expect(text).toMatch(/web site\.\n\n\S/);
  await expectWordPreviewAndNote(page);
});

test("code copied from a code editor is pasted in source view as the text it is", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content/tips");
  await page.getByRole("button", { name: "Source" }).click();
  const body = page.getByLabel("Page text");
  const before = await body.inputValue();
  const snippet = '<Callout type="note">\n\nA note.\n\n</Callout>';
  const coloured = `<div style="color:#d4d4d4;background-color:#1e1e1e;font-family:Consolas"><div><span style="color:#808080">&lt;</span><span style="color:#4ec9b0">Callout</span> <span style="color:#9cdcfe">type</span>=<span style="color:#ce9178">"note"</span><span style="color:#808080">&gt;</span></div><br><div><span>A note.</span></div><br><div><span style="color:#808080">&lt;/</span><span style="color:#4ec9b0">Callout</span><span style="color:#808080">&gt;</span></div></div>`;
  // Left to the browser, which pastes the plain text (a synthetic event pastes nothing at all).
  expect(await paste(body, { html: coloured, text: snippet })).toBe(true);
  expect(await body.inputValue()).toBe(before);
});
