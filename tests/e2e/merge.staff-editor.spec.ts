import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectLive, openAsStaff, preferSourceView, publish } from "./editor-fixtures";
import { clientIp, createAccount } from "./staff-fixtures";

/*
 * Two colleagues publish the same page, each on the version they opened:
 * the second publish merges (lib/content/merge). Each test makes its own page.
 */
const unique = () => Math.random().toString(36).slice(2, 8);
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function colleague(browser: Browser, name: string, javaScriptEnabled = true) {
  const context = await browser.newContext({
    javaScriptEnabled,
    extraHTTPHeaders: { "x-forwarded-for": clientIp(170) },
  });
  // These colleagues type MDX: source view (the visual editor has its own spec).
  await preferSourceView(context);
  const page = await context.newPage();
  const account = await createAccount({ name: `${name} ${unique()}` });
  return { page, account, close: () => context.close() };
}

/** A page made in the browser, with the paragraphs given. */
async function makePage(page: Page, slug: string, paragraphs: string[]): Promise<void> {
  await page.goto("/staff/new-page");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("Working together");
  await page.getByLabel("Description").fill("A page two colleagues edit at once.");
  await page.getByLabel("Page text").fill(paragraphs.join("\n\n"));
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
}

async function replaceInBody(page: Page, from: string, to: string): Promise<void> {
  const body = page.getByLabel("Page text");
  const text = await body.inputValue();
  expect(text).toContain(from);
  await body.fill(text.replace(from, to));
}

test("two colleagues editing different paragraphs both publish, and both changes are kept", async ({
  browser,
}) => {
  // Two people, two publishes and a page made first: longer than one journey on a shared machine.
  test.slow();
  const alex = await colleague(browser, "Alex");
  const sam = await colleague(browser, "Sam");
  const slug = `together-${unique()}`;
  await openAsStaff(alex.page, "/staff", { account: alex.account });
  await makePage(alex.page, slug, [
    "The first paragraph.",
    "The second paragraph.",
    "The third paragraph.",
    "The fourth paragraph.",
  ]);
  // Both have the page open before either publishes.
  await alex.page.goto(`/staff/content/${slug}`);
  await openAsStaff(sam.page, `/staff/content/${slug}`, { account: sam.account });

  await replaceInBody(alex.page, "The fourth paragraph.", "The fourth paragraph, by Alex.");
  await publish(alex.page);
  await expect(alex.page.getByText("Published. Visitors see it now.")).toBeVisible({
    timeout: 20_000,
  });

  await replaceInBody(sam.page, "The second paragraph.", "The second paragraph, by Sam.");
  await publish(sam.page);
  await expect(
    sam.page.getByText(
      new RegExp(`Published, combined with ${alex.account.name}'s changes of \\d\\d:\\d\\d\\.`),
    ),
  ).toBeVisible({ timeout: 20_000 });
  await expectLive(sam.page, `/${slug}`, "The second paragraph, by Sam.");
  await expectLive(sam.page, `/${slug}`, "The fourth paragraph, by Alex.");
  // The history says what happened, under the person who published.
  await sam.page.goto(`/staff/content/${slug}/history`);
  const combined = sam.page
    .getByRole("listitem")
    .filter({ hasText: `Combined with ${alex.account.name}'s` });
  // Oldest first, the clinic's clock, the person by their account, the change rendered and marked.
  await expect(combined).toContainText(
    new RegExp(`^Published \\w{3} \\d+, 2026, \\d+:\\d\\d\\s[AP]M \\S+ by ${sam.account.name}`),
  );
  await expect(combined.locator("ins", { hasText: "by Sam" })).toBeVisible();
  await expect(
    sam.page
      .getByRole("listitem")
      .filter({ hasText: /^Published/ })
      .last(),
  ).toContainText(`Combined with ${alex.account.name}'s`);

  await Promise.all([alex.close(), sam.close()]);
});

for (const javaScriptEnabled of [true, false]) {
  test(`overlapping changes are shown side by side and resolved one by one (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    test.slow();
    const alex = await colleague(browser, "Alex");
    const sam = await colleague(browser, "Sam", javaScriptEnabled);
    const slug = `overlap-${unique()}`;
    await openAsStaff(alex.page, "/staff", { account: alex.account });
    await makePage(alex.page, slug, [
      "Call us to book a visit.",
      "Bring your notes.",
      "We open at nine.",
    ]);
    await alex.page.goto(`/staff/content/${slug}`);
    await openAsStaff(sam.page, `/staff/content/${slug}`, { account: sam.account });

    // Both change the title and the first paragraph; each also changes a paragraph of their own.
    await alex.page.getByLabel("Title", { exact: true }).fill("Working together, by Alex");
    await replaceInBody(alex.page, "Call us to book a visit.", "Call or write to book a visit.");
    await replaceInBody(alex.page, "We open at nine.", "We open at eight.");
    await publish(alex.page);
    await expect(alex.page.getByText("Published. Visitors see it now.")).toBeVisible({
      timeout: 20_000,
    });

    await sam.page.getByLabel("Title", { exact: true }).fill("Working together, by Sam");
    await replaceInBody(sam.page, "Call us to book a visit.", "Call us today to book.");
    await replaceInBody(sam.page, "Bring your notes.", "Bring your notes and scans.");
    await publish(sam.page);

    // Nothing published; both overlaps shown, rendered, with the words each changed marked.
    await expect(
      sam.page.getByRole("alert").filter({ hasText: `${alex.account.name} published this page` }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(
      sam.page.getByRole("heading", { name: `Changed by you and by ${alex.account.name}` }),
    ).toBeVisible();
    const title = sam.page.getByRole("group", { name: "Change 1 of 2: Title" });
    const paragraph = sam.page.getByRole("group", { name: /Change 2 of 2: the page text/ });
    await expect(title.locator("ins")).toContainText(["Sam", "Alex"]);
    await expect(paragraph.locator("p ins")).toContainText(["added: today", "added: or write"]);
    await expect(paragraph.locator("p del")).toContainText(["removed: a visit", "removed: us"]);
    // The typed text is kept in the form, untouched.
    await expect(sam.page.getByLabel("Page text")).toHaveValue(/Call us today to book\./);
    await expect(sam.page.getByLabel("Page text")).toHaveValue(/Bring your notes and scans\./);
    if (javaScriptEnabled) {
      const axe = await new AxeBuilder({ page: sam.page }).withTags(WCAG_TAGS).analyze();
      expect(axe.violations).toEqual([]);
    }

    // Publishing with one choice left open publishes nothing and keeps the choice made.
    await title.getByLabel("Keep mine").check();
    await publish(sam.page);
    // The editor opens again with the choice made carried in its address: wait for that page,
    // not the one still showing (its heading and ticked choice are the same).
    await sam.page.waitForURL(/[?&]keep=/, { timeout: 20_000 });
    await expect(
      sam.page.getByRole("heading", { name: `Changed by you and by ${alex.account.name}` }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(
      sam.page.getByRole("group", { name: "Change 1 of 2: Title" }).getByLabel("Keep mine"),
    ).toBeChecked();
    expect(await (await sam.page.request.get(`/${slug}`)).text()).not.toContain("scans");

    await sam.page
      .getByRole("group", { name: /Change 2 of 2/ })
      .getByLabel("Take theirs")
      .check();
    await publish(sam.page);
    await expect(
      sam.page.getByText(`Published, combined with ${alex.account.name}'s changes of`),
    ).toBeVisible({ timeout: 20_000 });
    await expectLive(sam.page, `/${slug}`, "Working together, by Sam");
    await expectLive(sam.page, `/${slug}`, "Call or write to book a visit.");
    await expectLive(sam.page, `/${slug}`, "Bring your notes and scans.");
    await expectLive(sam.page, `/${slug}`, "We open at eight.");
    await Promise.all([alex.close(), sam.close()]);
  });
}
