import { expect, test } from "@playwright/test";
import { clientIp, readRequest, seedRequest, signIn } from "./staff-fixtures";

/*
 * The status and a private note are one form with one Save. With two forms,
 * changing the status and then pressing "Add note" saved the note and
 * dropped the status without a word.
 */
for (const javaScriptEnabled of [true, false]) {
  test.describe(`follow-up with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({
      javaScriptEnabled,
      extraHTTPHeaders: { "x-forwarded-for": clientIp(javaScriptEnabled ? 43 : 44) },
    });

    test("change the status and write a note, one Save: both are kept", async ({ page }) => {
      const reference = await seedRequest();
      await signIn(page);
      await page.goto(`/staff/requests/${reference}`);
      await page.getByLabel("Status").selectOption("booked");
      await page.getByLabel("Private note").fill("Booked for Tuesday at 10:00.");
      await page.getByRole("button", { name: "Save", exact: true }).click();

      await expect(page.getByRole("status")).toHaveText("Status updated and note added.");
      const history = page.locator("section", { hasText: "History and notes" });
      await expect(history).toContainText("Status changed from New to Booked");
      await expect(history).toContainText("Booked for Tuesday at 10:00.");
      await expect(page.getByLabel("Status")).toHaveValue("booked");
      const stored = await readRequest(reference);
      expect(stored.status).toBe("booked");
      expect(stored.events.map((e) => [e.kind, e.to_status ?? e.note])).toEqual([
        ["status", "booked"],
        ["note", "Booked for Tuesday at 10:00."],
      ]);
    });
  });
}
