import { execFileSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { disableAccount } from "@/lib/db/staff-accounts";
import { E2E_BASE_URL, e2eServerEnv } from "./server-env";
import { clientIp, signIn, submitSignIn, testDb } from "./staff-fixtures";
import { enrolAuthenticator, passSecondStep } from "./two-step-fixtures";

/*
 * Personal staff accounts: the owner set up from the command's link, and an
 * account disabled while its person is signed in.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(60) } });

/** `npm run staff:invite` with the server's environment, as an operator runs it on the server. */
function invite(args: string[]): string {
  return execFileSync("npm", ["run", "-s", "staff:invite", "--", ...args], {
    env: { ...process.env, ...e2eServerEnv } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
}

test("the owner is set up from the command's link, then signs in with the new password", async ({
  page,
}) => {
  // The command, three password hashes and two accessibility checks.
  test.setTimeout(120_000);
  const email = `owner-${Date.now()}@example.com`;
  const output = invite([email, "--role", "owner", "--name", "Olive Owner"]);
  const link = output.trim().split("\n").at(-1) ?? "";
  expect(link).toMatch(new RegExp(`^${E2E_BASE_URL}/staff/set-up\\?token=[\\w-]{43}$`));
  expect(output).toContain(`Invited ${email} as Owner.`);
  expect(output).toContain("Email is off");
  // The audit log has the invitation, from the command line rather than from a person.
  const { id } = await (
    await testDb()
  )
    .selectFrom("staff_accounts")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  const invited = await (
    await testDb()
  )
    .selectFrom("audit_log")
    .select(["account_id", "account_name", "detail", "client_hash"])
    .where("event", "=", "account-invited")
    .where("object_type", "=", "account")
    .where("object_id", "=", id)
    .execute();
  expect(invited).toEqual([
    {
      account_id: null,
      account_name: null,
      detail: JSON.stringify({ role: "owner", method: "command line" }),
      client_hash: null,
    },
  ]);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your staff account");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Olive Owner");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Each refusal names the field and keeps the name typed.
  const passwordField = page.getByLabel("Password", { exact: true });
  const again = page.getByLabel("Password again");
  const save = page.getByRole("button", { name: "Save and sign in" });
  await page.getByLabel("Your name").fill("Olive O. Owner");
  await passwordField.fill("qwerty123456");
  await again.fill("qwerty123456");
  await save.click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Password: this one is on a list of common passwords" }),
  ).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Olive O. Owner");
  await passwordField.fill("a quiet harbour at noon");
  await again.fill("a quiet harbour at night");
  await save.click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Password again: it differs" }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await passwordField.fill("a quiet harbour at noon");
  await again.fill("a quiet harbour at noon");
  await save.click();
  // Two-step sign-in is required: the new owner sets up an app straight after the password.
  const key = await enrolAuthenticator(page);
  await expect(
    page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(
    page.getByRole("alert").filter({ hasText: "This link has been used or has expired" }),
  ).toBeVisible();

  await page.goto("/staff");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
  await submitSignIn(page, email, "a quiet harbour at noon");
  await passSecondStep(page, key);
  await expect(
    page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();
  const db = await testDb();
  const account = await db
    .selectFrom("staff_accounts")
    .select(["name", "role", "state", "last_sign_in_at"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  expect(account).toMatchObject({ name: "Olive O. Owner", role: "owner", state: "active" });
  expect(account.last_sign_in_at).not.toBeNull();
});

test("the command refuses bad arguments with its usage line", () => {
  let failure = "";
  try {
    invite(["not-an-email", "--role", "boss"]);
  } catch (error) {
    failure = String((error as { stderr?: string }).stderr);
  }
  expect(failure).toContain("the email address is not valid");
  expect(failure).toContain("--role must be one of owner, practitioner, front-desk, editor");
  expect(failure).toContain("Usage: npm run staff:invite -- <email> --role");
});

test("a disabled account's open session ends at its next click", async ({ page }) => {
  const account = await signIn(page, { role: "front-desk" });
  await expect(page.getByRole("link", { name: "Inbox" })).toBeVisible();
  expect(await disableAccount(await testDb(), account.id, new Date())).toBe("ok");
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
  await submitSignIn(page, account.email, account.password);
  await expect(
    page.getByRole("alert").filter({ hasText: "That email and password do not match" }),
  ).toBeVisible();
});

test("without email set up, a forgotten password is reset by the owner", async ({ page }) => {
  await page.goto("/staff");
  await expect(page.getByText("Ask the clinic's site owner to reset your account")).toBeVisible();
  await page.goto("/staff/forgot-password");
  await expect(page.getByText("a password cannot be reset from here")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveCount(0);
});
