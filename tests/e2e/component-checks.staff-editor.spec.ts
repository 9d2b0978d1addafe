import { expect, test, type Page } from "@playwright/test";
import { addPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
import { preferSourceView, openAsStaff, publish } from "./editor-fixtures";
import { clientIp, testDb } from "./staff-fixtures";

/*
 * A wrong component value is refused in the editor, with and without
 * JavaScript, and a page whose newest revision cannot render (written straight
 * into the database, past every check) keeps answering with its last good
 * text. Named *.staff-editor.spec.ts: it runs after the specs that read pages.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(42) } });

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));

const slug = "tips";
const KEPT = "Acupuncture is something we do together.";
const TIP = '<Callout type="tip">\n\nA tip that would break the page.\n\n</Callout>';
const REFUSED = 'Callout type must be "note" or "warning" (you wrote "tip")';

async function typeTip(page: Page): Promise<number> {
  const body = page.getByLabel("Page text");
  const text = `${await body.inputValue()}\n\n${TIP}\n`;
  await body.fill(text);
  return text.split("\n").indexOf('<Callout type="tip">') + 1;
}

async function expectPublicPageKept(page: Page) {
  const response = await page.request.get(`/${slug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(KEPT);
  expect(html).not.toContain("A tip that would break the page.");
}

test('Callout type="tip" is refused before preview and publish, and the page keeps its text', async ({
  page,
}) => {
  await openAsStaff(page, `/staff/content/${slug}`);
  const line = await typeTip(page);
  const problem = page.getByText(`Line ${line}: ${REFUSED}`);
  await expect(problem).toBeVisible();
  await expect(page.getByTestId("preview")).not.toContainText("A tip that would break the page.");

  // The problem's button selects the line it names in the text.
  await page.getByRole("button", { name: `Show line ${line}` }).click();
  const selected = await page
    .getByLabel("Page text")
    .evaluate((area: HTMLTextAreaElement) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );
  expect(selected).toBe('<Callout type="tip">');

  await publish(page);
  await expect(page.getByText(/Not published: fix the problems marked below/)).toBeVisible();
  await expect(problem).toBeVisible();
  await expectPublicPageKept(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the refusal names the line", async ({ page }) => {
    await openAsStaff(page, `/staff/content/${slug}`);
    const line = await typeTip(page);
    await publish(page);
    await expect(page.getByText(`Line ${line}: ${REFUSED}`)).toBeVisible();
    await expectPublicPageKept(page);
  });
});

test("the inserted Figure's example alt text and caption are refused", async ({ page }) => {
  await openAsStaff(page, `/staff/content/${slug}`);
  await page.getByLabel("Page text").press("Control+End");
  await page.getByRole("button", { name: "Insert Figure" }).click();
  await publish(page);
  await expect(page.getByText(/Not published: fix the problems marked below/)).toBeVisible();
  await expect(
    page.getByText(/Figure alt is still the example text: describe what the image shows/),
  ).toBeVisible();
  await expect(page.getByText(/Figure caption is still the example text/)).toBeVisible();
  await expectPublicPageKept(page);
});

test("a revision that throws at render, written past the checks, leaves the last good one served", async ({
  page,
}) => {
  const guarded = `guarded-${Date.now()}`;
  const db = await testDb();
  const frontmatter = {
    title: "A guarded page",
    description: "Kept up.",
    lastReviewed: "2026-11-01",
  };
  let parentId = 0;
  for (const body of ["The text that rendered.", TIP]) {
    const added = await addPageRevision(db, {
      slug: guarded,
      author: "Sam Reception",
      note: null,
      action: "publish",
      frontmatter,
      body,
      baseHash: null,
      parentId,
      now: new Date(),
    });
    expect(added.ok).toBe(true);
    if (added.ok) parentId = added.revision.id;
  }

  // The server looks for new revisions at most once a second; asked sooner, the address is unknown.
  await page.waitForTimeout(1_500);
  await expect(async () => {
    const response = await page.request.get(`/${guarded}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("The text that rendered.");
    expect(html).not.toContain("A tip that would break the page.");
  }).toPass({ timeout: 5_000, intervals: [500] });

  await openAsStaff(page, "/staff/content");
  const row = page.getByRole("row", { name: new RegExp(guarded) });
  await expect(row.getByTestId("page-failing")).toContainText(REFUSED);

  // Take the page away again for the journeys after this one.
  await addPageRevision(db, {
    slug: guarded,
    author: "Sam Reception",
    note: null,
    action: "delete",
    frontmatter: null,
    body: null,
    baseHash: null,
    parentId: (await latestPageRevision(db, guarded))?.id ?? 0,
    now: new Date(),
  });
});
