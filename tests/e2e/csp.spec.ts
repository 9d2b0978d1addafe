import { expect, test, type Page } from "@playwright/test";
import { allPublicPaths } from "./content-pages";
import { clientIp, seedRequest, signIn } from "./staff-fixtures";

/*
 * Every page runs its JavaScript under a policy without 'unsafe-inline' for
 * scripts, and nothing is refused: any CSP violation or console error fails.
 */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

function scriptSrc(policy: string | undefined): string {
  const directives = (policy ?? "").split(";").map((d) => d.trim());
  return directives.find((d) => d.startsWith("script-src")) ?? "";
}

test.describe("strict Content-Security-Policy", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(8) } });

  for (const path of [...allPublicPaths, "/no-such-page"]) {
    test(`${path} runs its scripts with no violation`, async ({ page }) => {
      const problems = await watch(page);
      const response = await page.goto(path, { waitUntil: "networkidle" });
      const script = scriptSrc(response?.headers()["content-security-policy"]);
      expect(script).toMatch(/^script-src 'self'/);
      expect(script).not.toContain("unsafe-inline");
      if (path === "/consultation") expect(script).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
      else expect(script).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
      // The framework ran: its inline bootstrap and its chunks were allowed.
      await expect
        .poll(() =>
          page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version),
        )
        .toBe("string");
      expect(problems.filter((p) => !(path === "/no-such-page" && /404/.test(p)))).toEqual([]);
    });
  }

  test("the consultation form journey with JavaScript", async ({ page }) => {
    const problems = await watch(page);
    await page.goto("/consultation");
    // The error summary and the live count come from React running in the page.
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "problems with your request" }),
    ).toBeFocused();
    await page.getByLabel("Anything else we should know").fill("Hello");
    await expect(page.getByText("You have 1,995 characters left").first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("the staff area with JavaScript: sign in, inbox, a request", async ({ page }) => {
    const problems = await watch(page);
    const response = await page.goto("/staff");
    expect(scriptSrc(response?.headers()["content-security-policy"])).toMatch(
      /'nonce-[^']+' 'strict-dynamic'/,
    );
    const reference = await seedRequest();
    await signIn(page);
    await page.getByRole("link", { name: reference }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
    expect(problems).toEqual([]);
  });
});
