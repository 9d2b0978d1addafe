import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { openAsStaff, preferSourceView } from "./editor-fixtures";
import { clientIp } from "./staff-fixtures";

/*
 * A receptionist pastes a document copied from Word into the page text: it
 * goes in as the page's Markdown (heading, list, bold, link, table), the
 * preview shows it as visitors would see it, and the editor says the picture
 * did not come. The clipboard is the real Word capture the unit tests use
 * (tests/fixtures/paste/), handed to the page in a paste event as the
 * browser would. Nothing is published: the page stays as other specs expect.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(61) } });
// The paste goes into the page text's source view here; the visual editor has its own spec.
test.beforeEach(({ page }) => preferSourceView(page));

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

test("a page copied from Word is pasted as Markdown, previewed, and the missing picture named", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content/tips");
  const body = page.getByLabel("Page text");
  await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, 0));
  expect(await paste(body, { html: WORD, text: "Test page for FCKeditor" })).toBe(false);

  const text = await body.inputValue();
  expect(text).toMatch(/^## Test page for FCKeditor\n\nThis document contains/);
  expect(text).toContain("[France](http://en.wikipedia.org/wiki/France)");
  expect(text).toContain("won't receive **proper** markup");
  expect(text).toContain("1. level1\n2. leve1\n   1. level2");
  expect(text).toContain("| Sweden ");
  expect(text).not.toMatch(/mso-|MsoNormal|<o:p>|<span|SimSun|clip_image/);
  // The page's own text follows the pasted part, a blank line after it.
  expect(text).toMatch(/web site\.\n\n\S/);

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
});

test("code copied from a code editor is pasted as the text it is", async ({ page }) => {
  await openAsStaff(page, "/staff/content/tips");
  const body = page.getByLabel("Page text");
  const before = await body.inputValue();
  const snippet = '<Callout type="note">\n\nA note.\n\n</Callout>';
  const coloured = `<div style="color:#d4d4d4;background-color:#1e1e1e;font-family:Consolas"><div><span style="color:#808080">&lt;</span><span style="color:#4ec9b0">Callout</span> <span style="color:#9cdcfe">type</span>=<span style="color:#ce9178">"note"</span><span style="color:#808080">&gt;</span></div><br><div><span>A note.</span></div><br><div><span style="color:#808080">&lt;/</span><span style="color:#4ec9b0">Callout</span><span style="color:#808080">&gt;</span></div></div>`;
  // Left to the browser, which pastes the plain text (a synthetic event pastes nothing at all).
  expect(await paste(body, { html: coloured, text: snippet })).toBe(true);
  expect(await body.inputValue()).toBe(before);
});
