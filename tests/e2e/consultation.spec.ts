import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { fillValid, openForm, REFERENCE, referenceShown, submit } from "./consultation-fixtures";
import { E2E_BASE_URL, e2eServerEnv } from "./server-env";

/*
 * The consultation journeys, run once with JavaScript and once without, against
 * the production build. Rows are checked in the server's own SQLite file.
 */
type StoredRow = { status: string; urgent: number; red_flag_level: string | null };

function rowsFor(reference: string): StoredRow[] {
  const db = new Database(path.join(e2eServerEnv.DATA_DIR, "clinic.sqlite"), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT status, urgent, red_flag_level FROM consultation_requests WHERE reference = ?",
      )
      .all(reference) as StoredRow[];
  } finally {
    db.close();
  }
}

/**
 * axe runs as a script in the page. Without JavaScript it cannot, so the
 * server-rendered error page is shown again in a context that runs axe but
 * blocks the app's own scripts, keeping the markup exactly as the server sent it.
 */
async function axeTarget(page: Page, html: string | null): Promise<Page> {
  if (html === null) return page;
  const browser = page.context().browser();
  if (!browser) throw new Error("No browser to open an axe context in");
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route("**/_next/static/**/*.js", (route) => route.abort());
  await copy.route("**/consultation", (route) =>
    route.fulfill({ contentType: "text/html", body: html }),
  );
  await copy.goto("/consultation");
  return copy;
}

function journeys(javaScript: boolean): void {
  test("an empty submit lists every problem and marks the fields", async ({ page }) => {
    const openedAt = await openForm(page);
    await submit(page, openedAt);
    const summary = page.getByRole("alert").filter({ hasText: "problems with your request" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter your full name" })).toHaveAttribute(
      "href",
      "#field-fullName",
    );
    await expect(summary.getByRole("link")).toHaveCount(8);
    if (javaScript) await expect(summary).toBeFocused();
    const name = page.getByLabel("Full name");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Enter your full name/);
    await expect(page.getByRole("checkbox", { name: /I agree/ })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });

  test("an invalid email keeps every other value", async ({ page }) => {
    const openedAt = await openForm(page);
    await fillValid(page, "grace@");
    await submit(page, openedAt);
    const email = page.getByRole("textbox", { name: /^Email/ });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/name@example.com/);
    await expect(email).toHaveValue("grace@");
    await expect(page.getByLabel("Full name")).toHaveValue("Grace Hopper");
    await expect(page.getByLabel("Full name")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("radio", { name: "Lower back" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Phone", exact: true })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Weekday mornings" })).toBeChecked();
    await expect(page.getByLabel("Anything else we should know")).toHaveValue(
      "Worse after long drives.",
    );
    await expect(page.getByRole("checkbox", { name: /I agree/ })).toBeChecked();
  });

  test("a pasted document far over the message limit is refused with a clear message, keeping what fits", async ({
    page,
  }) => {
    const openedAt = await openForm(page);
    await fillValid(page);
    const message = page.getByLabel("Anything else we should know");
    // Far more than the server accepts in one post: the browser stops at its hard limit.
    await message.fill("My scan report says this. ".repeat(4000));
    const kept = await message.inputValue();
    expect(kept.length).toBeGreaterThan(2000);
    expect(kept.length).toBeLessThan(100_000);
    await submit(page, openedAt);
    await expect(
      page.getByRole("alert").getByRole("link", { name: /2,000 characters/ }),
    ).toBeVisible();
    await expect(message).toHaveAttribute("aria-invalid", "true");
    await expect(message).toHaveValue(kept);
    await expect(page.getByLabel("Full name")).toHaveValue("Grace Hopper");
  });

  test("a valid request is stored once and shows its reference, even when the POST is replayed", async ({
    page,
  }) => {
    const openedAt = await openForm(page);
    await fillValid(page);
    const posted = page.waitForRequest((request) => request.method() === "POST");
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await submit(page, openedAt);
    const reference = await referenceShown(page);
    expect(reference).toMatch(REFERENCE);
    // Without JavaScript the answer is a page, under a fresh nonce; with it, the answer is
    // data for React, not a document, and skips the proxy that sets the policy (proxy.ts).
    const policy = (await answered).headers()["content-security-policy"];
    if (javaScript) expect(policy).toBeUndefined();
    else expect(policy).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.getByText(/we will call you within one working day/)).toBeVisible();
    await expect(
      page.getByRole("status").getByRole("link", { name: "+1 555 010 0123" }),
    ).toBeVisible();
    expect(rowsFor(reference)).toEqual([{ status: "new", urgent: 0, red_flag_level: null }]);

    const request = await posted;
    const headers = await request.allHeaders();
    const replay = await page.request.post(request.url(), {
      headers: Object.fromEntries(
        Object.entries(headers).filter(([name]) => !name.startsWith(":")),
      ),
      data: request.postDataBuffer() ?? Buffer.alloc(0),
    });
    expect(replay.ok()).toBe(true);
    expect(await replay.text()).toContain(reference);
    expect(rowsFor(reference)).toHaveLength(1);
  });

  test("the warning-sign question groups the signs under what each needs", async ({ page }) => {
    await openForm(page);
    const question = page.getByRole("group", { name: /Do you have any of these symptoms/ });
    await expect(question).toHaveAccessibleDescription(/please do not wait for our reply/);
    const emergency = question.getByRole("group", {
      name: "Call 911 or go to an emergency department now",
    });
    const today = question.getByRole("group", { name: "See a doctor today" });
    await expect(emergency.getByRole("checkbox")).toHaveCount(5);
    await expect(today.getByRole("checkbox")).toHaveCount(7);
    await expect(
      emergency.getByRole("checkbox", {
        name: "Numbness or tingling around your genitals or buttocks",
      }),
    ).toBeVisible();
    await expect(
      today.getByRole("checkbox", { name: "A fever, or feeling hot and shivery" }),
    ).toBeVisible();
  });

  test("an emergency sign is told to call the emergency number now", async ({ page }) => {
    const openedAt = await openForm(page);
    await fillValid(page);
    await page.getByRole("checkbox", { name: "Chest pain or sudden breathlessness" }).check();
    await page.getByRole("checkbox", { name: "Weight loss you cannot explain" }).check();
    await submit(page, openedAt);
    const answer = page.getByRole("status");
    await expect(
      answer.getByRole("heading", { name: "Call 911 or go to an emergency department now" }),
    ).toBeVisible();
    await expect(answer.getByRole("link", { name: "911" }).first()).toHaveAttribute(
      "href",
      "tel:911",
    );
    await expect(answer).toContainText("go to your nearest emergency department now");
    await expect(answer).not.toContainText("today");
    await expect(
      page.getByRole("heading", { name: "Thank you, we have your request" }),
    ).toHaveCount(0);
    const text = (await page.getByText(/We have kept your request/).textContent()) ?? "";
    const reference = text.match(REFERENCE)?.[0] ?? "";
    expect(rowsFor(reference)).toEqual([{ status: "new", urgent: 1, red_flag_level: "emergency" }]);
  });

  test("a see-a-doctor-today sign is told to see a doctor today", async ({ page }) => {
    const openedAt = await openForm(page);
    await fillValid(page);
    await page
      .getByRole("checkbox", { name: "Pain that is worse at night or does not ease with rest" })
      .check();
    await submit(page, openedAt);
    const answer = page.getByRole("status");
    await expect(answer.getByRole("heading", { name: "See a doctor today" })).toBeVisible();
    await expect(answer).toContainText("Ask your doctor for an urgent appointment today");
    await expect(answer).not.toContainText(/\bnow\b|emergency department/);
    const text = (await page.getByText(/We have kept your request/).textContent()) ?? "";
    const reference = text.match(REFERENCE)?.[0] ?? "";
    expect(rowsFor(reference)).toEqual([{ status: "new", urgent: 1, red_flag_level: "urgent" }]);
  });

  test("the form in its error state has no accessibility violations", async ({ page }) => {
    const openedAt = await openForm(page);
    await page.getByRole("textbox", { name: /^Email/ }).fill("not-an-email");
    const answer = javaScript
      ? null
      : page.waitForResponse((response) => response.request().method() === "POST");
    await submit(page, openedAt);
    await expect(page.getByRole("alert").first()).toBeVisible();
    const html = answer ? await (await answer).text() : null;
    const results = await new AxeBuilder({ page: await axeTarget(page, html) })
      .include("form")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      ),
    ).toEqual([]);
  });
}

test.describe("consultation form with JavaScript", () => {
  journeys(true);

  test("the message counts the characters left as you type", async ({ page }) => {
    await openForm(page);
    const message = page.getByLabel("Anything else we should know");
    // What is seen updates at once; screen readers hear it from a polite live region once typing pauses.
    const seen = page.locator('p[aria-hidden="true"]').filter({ hasText: /^You have/ });
    const heard = page.locator('[aria-live="polite"]').filter({ hasText: /^You have/ });
    await expect(seen).toHaveText("You have 2,000 characters left");
    await message.fill("a".repeat(1999));
    await expect(seen).toHaveText("You have 1 character left");
    await message.fill("a".repeat(2010));
    await expect(seen).toHaveText("You have 10 characters too many");
    await expect(heard).toHaveText("You have 10 characters too many");
  });

  test("checks a field as focus leaves it, with the shared schema", async ({ page }) => {
    await openForm(page);
    // Tabbing through to read the form scolds nobody: untouched fields wait for submit.
    await page.getByLabel("Full name").focus();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press("Tab");
    // An edited field is checked as it is left; once its error shows, so would any other.
    const email = page.getByRole("textbox", { name: /^Email/ });
    await email.fill("grace@");
    await email.blur();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
    await email.fill("grace@example.com");
    await email.blur();
    await expect(email).not.toHaveAttribute("aria-invalid", "true");
  });
});

/*
 * Focus moves when a pointer is pressed, before the click lands. An error that
 * appears or goes away right then moves the options below it, and the click
 * must still reach the option that was pressed.
 */
for (const pointer of ["mouse", "touch"] as const) {
  test.describe(`consultation form with a ${pointer}`, () => {
    test.use(
      pointer === "touch"
        ? { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true }
        : { viewport: { width: 1280, height: 900 } },
    );

    test("a press on an option is never lost as an error above it comes or goes", async ({
      page,
    }) => {
      await openForm(page);
      const press = (name: string | RegExp) => {
        const option = page.getByRole("radio", { name, exact: true });
        return pointer === "touch" ? option.tap() : option.click();
      };
      // An error appears above the option being pressed.
      await page.getByRole("textbox", { name: /^Email/ }).fill("grace@");
      await press("Email");
      await expect(page.getByRole("radio", { name: "Email", exact: true })).toBeChecked();
      await expect(page.getByRole("textbox", { name: /^Email/ })).toHaveAttribute(
        "aria-invalid",
        "true",
      );

      // Errors shown after an empty submit go away, one by one, as they are fixed.
      await page.getByRole("button", { name: "Send request" }).click();
      const summary = page.getByRole("alert").filter({ hasText: /problems? with your request/ });
      await expect(summary).toBeVisible();
      const listed = await summary.textContent();
      for (const name of ["Lower back", "Under 6 weeks", "No, I have been before"]) {
        await press(name);
        const option = page.getByRole("radio", { name, exact: true });
        await expect(option).toBeChecked();
        // Fixed, so its error goes at once, not only when focus leaves the group.
        await expect(option).not.toHaveAttribute("aria-invalid", "true");
      }
      // The summary stays as it was at submit, so it is not re-announced while fixing.
      expect(await summary.textContent()).toBe(listed);
    });
  });
}

test.describe("consultation form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  journeys(false);

  test("the message states its limit, with no count that could not update", async ({ page }) => {
    await openForm(page);
    await expect(page.getByText("Up to 2,000 characters.")).toBeVisible();
    await expect(page.getByText(/characters? left/)).toHaveCount(0);
  });
});
