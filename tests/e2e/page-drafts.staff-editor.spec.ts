import { expect, test, type Page } from "@playwright/test";
import { clientIp, createAccount, signIn } from "./staff-fixtures";
import { preferSourceView } from "./editor-fixtures";

/*
 * Typing is never lost: the editor keeps a draft per person and page on the
 * server as it is typed, and offers it back on return, also after a sign-out.
 * Each test signs in with an account of its own, so their drafts never meet.
 */
const unique = () => Math.random().toString(36).slice(2, 8);

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(41) } });

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));
test.describe.configure({ mode: "serial" });

const body = (page: Page) => page.getByLabel("Page text");
const offer = (page: Page) =>
  page.getByRole("heading", {
    name: /You have an unpublished draft from \d\d:\d\d — continue or discard/,
  });

/** Adds a sentence at the end of the page text, as typed. */
async function typeSentence(page: Page, sentence: string) {
  await body(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(`\n\n${sentence}`);
}

test("a draft survives going to another staff page at once and coming back, and can be discarded", async ({
  page,
}) => {
  // A page no other staff journey publishes: "original" must stay the published text throughout.
  const sentence = `Typed before leaving ${unique()}.`;
  await signIn(page, { role: "editor" });
  await page.goto("/staff/content/is-it-right-for-you");
  const original = await body(page).inputValue();
  await typeSentence(page, sentence);
  // No pause: straight to Images, as the receptionist in the issue did.
  await page.getByRole("link", { name: "Images", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Images" })).toBeVisible();

  await page.goto("/staff/content/is-it-right-for-you");
  await expect(offer(page)).toBeVisible();
  await expect(body(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Continue the draft" }).click();
  await expect(body(page)).toHaveValue(new RegExp(`${sentence}$`));

  await page.goto("/staff/content/is-it-right-for-you");
  await page.getByRole("button", { name: "Discard the draft" }).click();
  await expect(body(page)).toHaveValue(original);
  await page.reload();
  await expect(body(page)).toHaveValue(original);
  await expect(offer(page)).toHaveCount(0);
});

test("a draft survives a sign-out, and only the same person finds it at the next sign-in", async ({
  page,
}) => {
  const robin = await createAccount({ role: "editor" });
  const title = `Drafted page ${unique()}`;
  await signIn(page, { account: robin });
  await page.goto("/staff/new-page");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible();
  await typeSentence(page, "The last words before signing out.");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();

  await signIn(page, { role: "editor" });
  await page.goto("/staff/new-page");
  await expect(offer(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();

  await signIn(page, { account: robin });
  await page.goto("/staff/new-page");
  await expect(offer(page)).toBeVisible();
  await expect(page.getByText(`It is titled “${title}”.`)).toBeVisible();
  await page.getByRole("button", { name: "Continue the draft" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(body(page)).toHaveValue(/The last words before signing out\.$/);
});

test("a session that ends while typing keeps the text, and saves it once signed in again", async ({
  page,
  context,
}) => {
  const account = await signIn(page, { role: "editor" });
  await page.goto("/staff/content/is-it-right-for-you");
  await context.clearCookies();
  await typeSentence(page, "Typed after the session ended.");
  await expect(page.getByText(/Draft not saved: you are signed out/)).toBeVisible();
  await expect(body(page)).toHaveValue(/Typed after the session ended\.$/);

  const other = await context.newPage();
  await signIn(other, { account });
  // The editor tries again by itself and is now heard.
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible({ timeout: 20_000 });
  await other.goto("/staff/content/is-it-right-for-you");
  await other.getByRole("button", { name: "Continue the draft" }).click();
  await expect(body(other)).toHaveValue(/Typed after the session ended\.$/);
});

test("a save the server does not answer is shown, the text kept and the save retried", async ({
  page,
}) => {
  await signIn(page, { role: "editor" });
  await page.goto("/staff/content/is-it-right-for-you");
  let blocked = true;
  await page.route("**/staff/content/is-it-right-for-you", (route) =>
    blocked && route.request().method() === "POST" ? route.abort() : route.fallback(),
  );
  await typeSentence(page, "Typed while the server was away.");
  await expect(page.getByText(/Draft not saved: the server did not answer/)).toBeVisible();
  blocked = false;
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible({ timeout: 20_000 });
  await expect(body(page)).toHaveValue(/Typed while the server was away\.$/);
});

test("closing the tab with typing not yet saved asks first", async ({ page }) => {
  await signIn(page, { role: "editor" });
  await page.goto("/staff/content/is-it-right-for-you");
  await page.route("**/staff/content/is-it-right-for-you", (route) =>
    route.request().method() === "POST" ? route.abort() : route.fallback(),
  );
  await typeSentence(page, "Not saved anywhere yet.");
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.accept();
});

test("publishing clears the draft", async ({ page }) => {
  const slug = `drafted-${unique()}`;
  await signIn(page, { role: "editor" });
  await page.goto("/staff/new-page");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("A page only staff see");
  await page.getByLabel("Description").fill("A hidden page made by the drafts journey.");
  await page.getByLabel("Draft: hidden from visitors").check();
  await expect(page.getByText(/^Draft saved \d\d:\d\d$/)).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await page.goto("/staff/new-page");
  await expect(offer(page)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Preview keeps the draft; continue and discard are plain forms", async ({ page }) => {
    // A page no other journey publishes: "original" must stay the published text throughout.
    const sentence = `Typed without scripts ${unique()}.`;
    await signIn(page, { role: "editor" });
    await page.goto("/staff/content/how-it-works");
    const original = await body(page).inputValue();
    await body(page).fill(`${original}\n\n${sentence}`);
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(body(page)).toHaveValue(new RegExp(`${sentence}$`));
    await expect(page.getByTestId("preview")).toContainText(sentence);

    await page.goto("/staff/content/how-it-works");
    await expect(offer(page)).toBeVisible();
    await page.getByRole("button", { name: "Continue the draft" }).click();
    await expect(body(page)).toHaveValue(new RegExp(`${sentence}$`));
    await page.goto("/staff/content/how-it-works");
    await page.getByRole("button", { name: "Discard the draft" }).click();
    await expect(body(page)).toHaveValue(original);
  });
});
