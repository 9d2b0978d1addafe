import { expect, type Page } from "@playwright/test";
import { e2eServerEnv } from "./server-env";

/*
 * The consultation form as a visitor fills it, for the journeys on any server
 * (the shared one, or one behind Caddy): relative to the test's baseURL.
 */
export const REFERENCE = /BP-[23456789A-Z]{6}/;
const MIN_FILL_MS = Number(e2eServerEnv.CONSULTATION_MIN_FILL_SECONDS) * 1000 + 300;

export async function openForm(page: Page): Promise<number> {
  await page.goto("/consultation");
  await expect(
    page.getByRole("heading", { level: 1, name: "Request a consultation" }),
  ).toBeVisible();
  return Date.now();
}

export async function fillValid(page: Page, email = "grace@example.com"): Promise<void> {
  await page.getByLabel("Full name").fill("Grace Hopper");
  await page.getByRole("textbox", { name: /^Email/ }).fill(email);
  await page.getByRole("textbox", { name: /^Phone/ }).fill("+1 555 010 0199");
  await page.getByRole("radio", { name: "Phone", exact: true }).check();
  await page.getByRole("radio", { name: "Lower back" }).check();
  await page.getByRole("radio", { name: "Over 3 months" }).check();
  await page.getByRole("checkbox", { name: "Weekday mornings" }).check();
  await page.getByLabel("Anything else we should know").fill("Worse after long drives.");
  await page.getByRole("radio", { name: /^Yes, this is my first visit/ }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
}

/** Submits once the minimum fill time has passed, so the request is not taken for a bot. */
export async function submit(page: Page, openedAt: number): Promise<void> {
  const wait = openedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole("button", { name: "Send request" }).click();
}

export async function referenceShown(page: Page): Promise<string> {
  await expect(
    page.getByRole("heading", { name: "Thank you, we have your request" }),
  ).toBeVisible();
  const text = (await page.getByText(/Your reference is/).textContent()) ?? "";
  return text.match(REFERENCE)?.[0] ?? "";
}
