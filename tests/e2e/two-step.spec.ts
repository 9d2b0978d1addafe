import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./server-env";
import { confirmApp, currentStep, setUpApp, stepCode } from "./two-step-fixtures";
import { clientIp, createAccount, signIn, submitSignIn, type TestAccount } from "./staff-fixtures";

/*
 * Two-step sign-in as staff meet it: an authenticator app set up from the key
 * shown on the security page (the codes computed here, as the app would),
 * recovery codes shown once, and a passkey made with Chromium's virtual
 * authenticator.
 */
// Two workers share two CPU cores with the server: a server action and its refresh can take seconds.
const expect = baseExpect.configure({ timeout: 15_000 });
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

const HEADERS = { "x-forwarded-for": clientIp(160) };
const inbox = (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name: "Consultation requests" })).toBeVisible();

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
}

async function secondStep(page: Page, account: TestAccount, code: string) {
  await submitSignIn(page, account.email, account.password);
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function noScriptPage(browser: Browser) {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    javaScriptEnabled: false,
    extraHTTPHeaders: HEADERS,
  });
  return { context, page: await context.newPage() };
}

test.describe("two-step sign-in", () => {
  test.use({ extraHTTPHeaders: HEADERS });

  test("an app set up from the key shown signs in with password and code, also without JavaScript; recovery codes work once", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const account = await signIn(page, { role: "front-desk" });
    const key = await setUpApp(page);

    const code = page.getByLabel("The 6-digit code your app shows now");
    await code.fill("000000");
    await page.getByRole("button", { name: "Confirm app" }).click();
    await expect(page.getByText("That code did not match the key above")).toBeVisible();
    await expect(code).toHaveValue("000000"); // what was typed stays
    await expect(code).toHaveAttribute("aria-invalid", "true");

    const { codes, step } = await confirmApp(page, key);
    for (const recovery of codes) expect(recovery).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await expect(page.getByText(/^In use since/)).toBeVisible();
    await expect(page.getByTestId("recovery-remaining")).toContainText("10 of 10");
    // Shown once: a fresh visit lists none of them.
    await page.goto("/staff/security");
    await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
    expect(await page.content()).not.toContain(codes[0] ?? "none");
    await signOut(page);

    // Without JavaScript: password, then the app's next code (one step ahead is accepted).
    const plain = await noScriptPage(browser);
    await secondStep(plain.page, account, "000000");
    await expect(plain.page.getByText("That code did not match")).toBeVisible();
    await plain.page.getByLabel("Code", { exact: true }).fill(await stepCode(key, step + 1));
    await plain.page.getByRole("button", { name: "Continue" }).click();
    await inbox(plain.page);
    await plain.context.close();

    // A recovery code, typed as read off paper, works once.
    const recovery = codes[3] ?? "";
    await secondStep(page, account, recovery.toUpperCase().replace("-", " "));
    await inbox(page);
    await signOut(page);
    await secondStep(page, account, recovery);
    await expect(page.getByText("That code did not match")).toBeVisible();
    await page.goto("/staff/security");
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();

    // With JavaScript, the app again: the code used above is spent, so wait for the next step.
    while (currentStep() < step + 1) await page.waitForTimeout(1000);
    await secondStep(page, account, await stepCode(key, step + 2));
    await inbox(page);
    await page.goto("/staff/security");
    await expect(page.getByTestId("recovery-remaining")).toContainText("9 of 10");
  });

  test("a passkey added on the security page signs in on its own, with a virtual authenticator", async ({
    page,
    browser,
  }) => {
    const account = await signIn(page, { role: "editor" });
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await page.goto("/staff/security");
    await page.getByLabel("Name of the new passkey").fill("Virtual laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Passkey “Virtual laptop” added.")).toBeVisible();
    await expect(page.getByText("Virtual laptop", { exact: true })).toBeVisible();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    await signOut(page);

    await page.getByRole("button", { name: "Use a passkey" }).click();
    // The sign-in page is /staff too: signed in, its form goes.
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toHaveCount(0);
    await page.goto("/staff/security");
    await expect(page.getByRole("heading", { level: 1, name: "Sign-in security" })).toBeVisible();
    await expect(page.getByText(/last used/)).toBeVisible();
    expect(account.role).toBe("editor");

    // Without JavaScript the sign-in page says a passkey needs it, and offers no dead button.
    const plain = await noScriptPage(browser);
    await plain.page.goto("/staff");
    await expect(plain.page.getByText("Signing in with a passkey needs JavaScript")).toBeVisible();
    await expect(plain.page.getByRole("button", { name: "Use a passkey" })).toHaveCount(0);
    await plain.context.close();

    await page.getByRole("button", { name: "Remove passkey Virtual laptop" }).click();
    await expect(page.getByText("The passkey was removed.")).toBeVisible();
    await expect(page.getByText("Virtual laptop", { exact: true })).toHaveCount(0);
  });

  test("someone without two-step sign-in sets it up right after the password", async ({ page }) => {
    const account = await createAccount({ role: "practitioner" });
    await submitSignIn(page, account.email, account.password);
    await expect(
      page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" }),
    ).toBeVisible();
    // Nothing else opens meanwhile.
    await page.goto("/staff/security");
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
    await page.goto("/staff/two-step");
    const key = await setUpApp(page, "");
    await confirmApp(page, key);
    await page.getByRole("button", { name: "I have kept my codes: continue" }).click();
    await inbox(page);
  });

  for (const viewport of [
    { name: "phone", width: 375, height: 800 },
    { name: "desktop", width: 1280, height: 900 },
  ]) {
    test(`the new pages pass axe at ${viewport.name} width`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(viewport);
      const axe = async (where: string) => {
        // After a client-side navigation Next.js streams the <title> in after the page's body.
        await expect(page).toHaveTitle(/\S/);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(results.violations, where).toEqual([]);
      };
      const account = await createAccount({ role: "owner" });
      await submitSignIn(page, account.email, account.password);
      const key = await setUpApp(page, "");
      await axe("enrol");
      await confirmApp(page, key);
      await axe("recovery codes");
      await page.getByRole("button", { name: "I have kept my codes: continue" }).click();
      await page.goto("/staff/security");
      await axe("security");
      await signOut(page);
      await axe("sign-in");
      await submitSignIn(page, account.email, account.password);
      await page.getByLabel("Code", { exact: true }).fill("000000");
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByText("That code did not match")).toBeVisible();
      await axe("two-step with an error");
    });
  }
});
