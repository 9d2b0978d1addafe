import AxeBuilder from "@axe-core/playwright";
import { generateTOTP } from "@epic-web/totp";
import { expect, test, type Page } from "@playwright/test";
import { clientIp, signIn } from "./staff-fixtures";

/*
 * Two-step sign-in as staff meet it: an authenticator app set up from the key
 * shown on the security page (the codes computed here, as the app would),
 * recovery codes shown once, and a passkey made with Chromium's virtual
 * authenticator.
 */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The code an app shows for `key`, `steps` periods from now (one step ahead is still taken). */
async function appCode(key: string, steps = 0): Promise<string> {
  // The package reads the clock through Date: shift it for a later step's code.
  const RealDate = Date;
  const at = RealDate.now() + steps * 30_000;
  globalThis.Date = class extends RealDate {
    constructor() {
      super(at);
    }
  } as DateConstructor;
  try {
    return (await generateTOTP({ secret: key, period: 30, digits: 6, algorithm: "SHA-1" })).otp;
  } finally {
    globalThis.Date = RealDate;
  }
}

async function setUpApp(page: Page): Promise<string> {
  await page.goto("/staff/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = ((await page.getByTestId("totp-key").textContent()) ?? "").replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  return key;
}

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

test.describe("two-step sign-in", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(160) } });

  test("sets up an authenticator app from the key shown, with ten recovery codes shown once", async ({
    page,
  }) => {
    await signIn(page);
    const key = await setUpApp(page);

    const code = page.getByLabel("The 6-digit code your app shows now");
    await code.fill("000000");
    await page.getByRole("button", { name: "Confirm app" }).click();
    await expect(page.getByText("That code did not match the key above")).toBeVisible();
    await expect(code).toHaveValue("000000"); // what was typed stays
    await expect(code).toHaveAttribute("aria-invalid", "true");

    await code.fill(await appCode(key));
    await page.getByRole("button", { name: "Confirm app" }).click();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const first = await codes.allTextContents();
    for (const recovery of first) expect(recovery).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await expect(page.getByText(/^In use since/)).toBeVisible();
    await expect(page.getByTestId("recovery-remaining")).toContainText("10 of 10");

    // Shown once: a fresh visit lists none of them.
    await page.goto("/staff/security");
    await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
    expect(await page.content()).not.toContain(first[0] ?? "none");

    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await expect(codes).toHaveCount(10);
    const second = await codes.allTextContents();
    expect(second.filter((c) => first.includes(c))).toEqual([]);
  });

  test("adds and removes a passkey with a virtual authenticator", async ({ page }) => {
    await signIn(page);
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await page.goto("/staff/security");
    await page.getByLabel("Name of the new passkey").fill("Virtual laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Passkey “Virtual laptop” added.")).toBeVisible();
    await expect(page.getByText("Virtual laptop", { exact: true })).toBeVisible();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    await page.getByRole("button", { name: "Remove passkey Virtual laptop" }).click();
    await expect(page.getByText("The passkey was removed.")).toBeVisible();
    await expect(page.getByText("Virtual laptop", { exact: true })).toHaveCount(0);
  });

  for (const viewport of [
    { name: "phone", width: 375, height: 800 },
    { name: "desktop", width: 1280, height: 900 },
  ]) {
    test(`the security page passes axe at ${viewport.name} width`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page);
      await setUpApp(page);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations).toEqual([]);
    });
  }
});
