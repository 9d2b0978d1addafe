import { generateTOTP } from "@epic-web/totp";
import { expect as baseExpect, type Page } from "@playwright/test";

/*
 * Two-step sign-in as a person does it, for journeys that sign in through the
 * form: every account must set up an authenticator app after its first
 * password (unless the owner turned the requirement off). Codes are computed
 * here from the key the page shows, as the app would.
 */
const expect = baseExpect.configure({ timeout: 15_000 });

export const currentStep = () => Math.floor(Date.now() / 30_000);

/** The code an app shows for `key` in 30-second step `step` (the one before or after is taken too). */
export async function stepCode(key: string, step: number): Promise<string> {
  // The package reads the clock through Date: set it to the middle of that step.
  const RealDate = Date;
  const at = step * 30_000 + 15_000;
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

export async function setUpApp(page: Page, from = "/staff/security"): Promise<string> {
  if (from) await page.goto(from);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = ((await page.getByTestId("totp-key").textContent()) ?? "").replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  return key;
}

/** Confirms the app with its current code; gives the recovery codes shown and the step spent. */
export async function confirmApp(page: Page, key: string) {
  const step = currentStep();
  await page.getByLabel("The 6-digit code your app shows now").fill(await stepCode(key, step));
  await page.getByRole("button", { name: "Confirm app" }).click();
  const items = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(items).toHaveCount(10);
  return { codes: await items.allTextContents(), step };
}

/** On the page shown after a first password: sets up an app and continues to the staff area. */
export async function enrolAuthenticator(page: Page): Promise<string> {
  await expect(
    page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" }),
  ).toBeVisible();
  const key = await setUpApp(page, "");
  await confirmApp(page, key);
  await page.getByRole("button", { name: "I have kept my codes: continue" }).click();
  return key;
}

/** On /staff/two-step after the password: the app's next code (one step ahead is taken). */
export async function passSecondStep(page: Page, key: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(await stepCode(key, currentStep() + 1));
  await page.getByRole("button", { name: "Continue" }).click();
}
