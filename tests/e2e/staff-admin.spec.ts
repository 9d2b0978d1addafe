import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { listAudit } from "@/lib/db/audit-log";
import { getAccount } from "@/lib/db/staff-accounts";
import { createSession } from "@/lib/db/staff-sessions";
import { SIGN_IN_MESSAGES } from "@/lib/staff/sign-in";
import { E2E_BASE_URL, E2E_PORT } from "./server-env";
import { startServer, stopAllServers } from "./own-server";
import {
  actionForms,
  clientIp,
  createAccount,
  signIn,
  submitSignIn,
  testDb,
} from "./staff-fixtures";
import { enrolAuthenticator, passSecondStep } from "./two-step-fixtures";

/*
 * The owner manages people from the browser (/staff/accounts): invites, role
 * changes, resets, disabling a leaver; and everyone ends their own other
 * sessions (/staff/sessions). Each change reaches the other person's open
 * session at its next click and is in the audit log under whoever made it.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(111) } });
const ownDataDirs: string[] = [];
test.afterAll(async () => {
  await stopAllServers();
  for (const dir of ownDataDirs) rmSync(dir, { recursive: true, force: true });
});

const PASSWORD = "admin journey amber lighthouse";

/** One account's card on /staff/accounts, by the name in its heading. */
const card = (page: Page, name: string): Locator =>
  page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });

const signInButton = (page: Page) => page.getByRole("button", { name: "Sign in" });
const signOutButton = (page: Page) => page.getByRole("button", { name: "Sign out" });

/** The owner's invite form; gives the set-up link shown once. */
async function invite(page: Page, email: string, name: string, role: string): Promise<string> {
  await page.goto("/staff/accounts");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByRole("radio", { name: new RegExp(`^${role}:`) }).check();
  await page.getByRole("button", { name: "Invite and make a set-up link" }).click();
  const link = page.locator("#invite-link");
  await expect(link).toHaveValue(new RegExp(`^${E2E_BASE_URL}/staff/set-up\\?token=[\\w-]{43}$`));
  await expect(page.getByText("It was not emailed")).toBeVisible();
  await expect(card(page, name)).toContainText("Invited");
  return link.inputValue();
}

/** A person opens their link in their own browser, sets name, password and an app. */
async function setUp(browser: Browser, link: string, name: string, ip: number) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": clientIp(ip) },
  });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  const key = await enrolAuthenticator(page);
  await expect(signOutButton(page)).toBeVisible();
  return { context, page, key };
}

test("the owner invites, changes a role, resets, disables and enables; each is in the audit log", async ({
  page,
  browser,
}) => {
  // Two set-ups with password hashes and app codes, and a sign-in after re-enabling.
  test.setTimeout(180_000);
  const owner = await signIn(page, { role: "owner" });
  const run = randomUUID().slice(0, 6);
  const desk = { email: `desk-${run}@example.com`, name: `Dana Desk ${run}` };
  const editor = { email: `ed-${run}@example.com`, name: `Eli Editor ${run}` };

  const deskLink = await invite(page, desk.email, desk.name, "Front desk");
  const editorLink = await invite(page, editor.email, editor.name, "Editor");
  const deskPerson = await setUp(browser, deskLink, desk.name, 112);
  const editorPerson = await setUp(browser, editorLink, editor.name, 113);
  // Each lands where its role starts: the inbox for the front desk, the pages for the editor.
  await expect(
    deskPerson.page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();
  await expect(editorPerson.page.getByRole("link", { name: "Inbox" })).toHaveCount(0);
  await page.goto("/staff/accounts");
  await expect(card(page, desk.name)).toContainText("Front desk · Active");

  // A new role applies at the person's next click.
  const editorCard = card(page, editor.name);
  await editorCard.getByLabel(`Role of ${editor.name}`).selectOption("practitioner");
  await editorCard.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The role was changed" })).toBeVisible();
  await editorPerson.page.goto("/staff");
  await expect(
    editorPerson.page.getByRole("heading", { level: 1, name: "Consultation requests" }),
  ).toBeVisible();

  // A reset shows a new link once; the person's open session ends at its next click.
  await card(page, desk.name)
    .getByRole("button", { name: `Reset ${desk.name}` })
    .click();
  await expect(card(page, desk.name).getByTestId("set-up-link")).toHaveValue(
    /\/staff\/set-up\?token=[\w-]{43}$/,
  );
  await deskPerson.page.getByRole("link", { name: "Clinic details" }).click();
  await expect(signInButton(deskPerson.page)).toBeVisible();

  // Disabled: the open session ends at its next click, and the password opens nothing.
  await card(page, editor.name)
    .getByRole("button", { name: `Disable ${editor.name}` })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: `${editor.name}: The account is disabled` }),
  ).toBeVisible();
  await editorPerson.page.getByRole("link", { name: "Inbox" }).click();
  await expect(signInButton(editorPerson.page)).toBeVisible();
  await submitSignIn(editorPerson.page, editor.email, PASSWORD);
  await expect(
    editorPerson.page.getByRole("alert").filter({ hasText: SIGN_IN_MESSAGES.wrong }),
  ).toBeVisible();

  // Enabled again: the same password and app open the staff area.
  await card(page, editor.name)
    .getByRole("button", { name: `Enable ${editor.name}` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "enabled again" })).toBeVisible();
  await submitSignIn(editorPerson.page, editor.email, PASSWORD);
  await passSecondStep(editorPerson.page, editorPerson.key);
  await expect(signOutButton(editorPerson.page)).toBeVisible();

  // Every change is in the log, under the owner who made it.
  await page.goto(`/staff/audit?person=${owner.id}`);
  const log = page.getByRole("table", { name: "Audit log entries, newest first" });
  const row = (event: string, about: string) =>
    log.getByRole("row").filter({ hasText: event }).filter({ hasText: about });
  await expect(row("Account invited", desk.email)).toContainText(owner.name);
  await expect(row("Account invited", editor.email)).toContainText("Role: Editor");
  await expect(row("Role changed", editor.email)).toContainText("From: Editor · To: Practitioner");
  await expect(row("Account reset", desk.email)).toHaveCount(1);
  await expect(row("Account disabled", editor.email)).toHaveCount(1);
  await expect(row("Account changed", editor.email)).toContainText("Change: enabled");
  await deskPerson.context.close();
  await editorPerson.context.close();
});

test("an owner's own account cannot be disabled, and the only owner hears why", async ({
  page,
}) => {
  // A server of its own, whose database has exactly one owner.
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-one-owner-"));
  ownDataDirs.push(dataDir);
  const server = await startServer(E2E_PORT + 1040, { DATA_DIR: dataDir });
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  const owner = await createAccount({ role: "owner", db, name: "Only Owner" });
  const other = await createAccount({ role: "editor", db, name: "Other Person" });
  await signIn(page, { account: owner, base: server.base, db });

  await page.goto(`${server.base}/staff/accounts`);
  const own = card(page, "Only Owner (you)");
  await expect(own).toContainText("This is your own account");
  await expect(own.getByRole("button")).toHaveCount(0);
  // A disable sent for one's own account anyway (a form edited in the browser) is refused in words.
  const disable = card(page, "Other Person").locator("form", {
    has: page.getByRole("button", { name: "Disable Other Person" }),
  });
  await disable
    .locator('input[name="account"]')
    .evaluate((input, id) => ((input as HTMLInputElement).value = id), owner.id);
  await disable.getByRole("button").click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Only Owner: Not changed: this is the only active owner." }),
  ).toBeVisible();
  expect((await getAccount(db, owner.id))?.state).toBe("active");
  expect((await getAccount(db, other.id))?.state).toBe("active");
  await db.destroy();
});

test("a person ends another session of theirs, then every other one", async ({ page, browser }) => {
  const person = await createAccount({ role: "front-desk" });
  await signIn(page, { account: person });
  const others: BrowserContext[] = [];
  const elsewhere = async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": clientIp(114) },
    });
    others.push(context);
    const other = await context.newPage();
    await signIn(other, { account: person });
    return other;
  };
  const phone = await elsewhere();

  await page.goto("/staff/sessions");
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(2);
  await expect(page.getByRole("heading", { level: 3, name: /\(this device\)$/ })).toHaveCount(1);
  await page.getByRole("button", { name: /^End the session on/ }).click();
  await expect(page.getByRole("status")).toHaveText(
    "That session was ended: it is signed out at its next click.",
  );
  await phone.getByRole("link", { name: "Clinic details" }).click();
  await expect(signInButton(phone)).toBeVisible();

  const laptop = await elsewhere();
  const tablet = await elsewhere();
  await page.goto("/staff/sessions");
  await page
    .getByRole("button", { name: /^Sign out everywhere else \(2 other sessions\)/ })
    .click();
  await expect(page.getByText("You are signed in nowhere else.")).toBeVisible();
  for (const other of [laptop, tablet]) {
    await other.reload();
    await expect(signInButton(other)).toBeVisible();
  }
  await expect(signOutButton(page)).toBeVisible();

  // The owner sees both in the log under this person.
  const owner = await browser.newContext();
  others.push(owner);
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, { role: "owner" });
  await ownerPage.goto(`/staff/audit?person=${person.id}`);
  const ended = ownerPage.getByRole("row").filter({ hasText: "Session ended" });
  await expect(ended).toHaveCount(2);
  await expect(ended.first()).toContainText(person.name);
  await expect(ended.filter({ hasText: "2 other sessions ended" })).toHaveCount(1);
  for (const context of others) await context.close();
});

test("the owner ends every session of another account from the accounts page", async ({
  page,
  browser,
}) => {
  await signIn(page, { role: "owner" });
  const person = await createAccount({ role: "editor" });
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": clientIp(115) },
  });
  const theirs = await context.newPage();
  await signIn(theirs, { account: person });
  await page.goto("/staff/accounts");
  await card(page, person.name)
    .getByRole("button", { name: `End all sessions of ${person.name} (1 open)` })
    .click();
  await expect(page.getByRole("status")).toContainText("Every session of the account was ended");
  await theirs.reload();
  await expect(signInButton(theirs)).toBeVisible();
  await context.close();
});

test("a role other than owner gets 403 from the accounts page and its actions", async ({
  page,
  browser,
}) => {
  // The owner's page gives the actions' ids, as anyone could read them from a copy of the page.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, { role: "owner" });
  const target = await createAccount({ role: "editor" });
  const html = await (await ownerPage.request.get("/staff/accounts")).text();
  // The card's Disable form: its button's text comes after the form's hidden account id.
  const disable = actionForms(html).find(
    (form) => form.text.includes(`value="${target.id}"`) && form.text.includes(">Disable "),
  );
  expect(disable).toBeDefined();
  await ownerContext.close();
  const actionId = Object.keys(disable!.fields)[0]!.replace(/^\$ACTION_ID_/, "");

  const practitioner = await signIn(page, { role: "practitioner" });
  expect((await page.goto("/staff/accounts"))?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  // Called as the browser's script calls an action, with the account to disable.
  const response = await page.request.post("/staff/accounts", {
    headers: { origin: E2E_BASE_URL, "next-action": actionId, accept: "text/x-component" },
    multipart: { "0": '["$K1"]', "1_account": target.id },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect((await getAccount(await testDb(), target.id))?.state).toBe("active");
  // The action itself refused (the guard records what was refused, and where).
  const refused = await listAudit(
    await testDb(),
    { accountId: practitioner.id, event: "permission-refused" },
    { limit: 10 },
  );
  expect(refused.entries.map((entry) => entry.detail?.endpoint)).toContain("disableAccountAction");
});

test("the invite form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": clientIp(116) },
  });
  const page = await context.newPage();
  await signIn(page, { role: "owner" });
  await page.goto("/staff/accounts");
  // Refused: each problem named at the top and at its field, the typing kept.
  await page.getByLabel("Email address").fill("not-an-address");
  const name = `No Script ${randomUUID().slice(0, 6)}`;
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByRole("button", { name: "Invite and make a set-up link" }).click();
  await expect(
    page.getByRole("link", { name: /^Email address: write a whole address/ }),
  ).toHaveAttribute("href", "#field-email");
  await expect(page.getByRole("link", { name: /^Role: choose one of the roles/ })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: /^Name/ })).toHaveValue(name);

  const email = `noscript-${randomUUID().slice(0, 6)}@example.com`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: /^Editor:/ }).check();
  await page.getByRole("button", { name: "Invite and make a set-up link" }).click();
  await expect(page.locator("#invite-link")).toHaveValue(/\/staff\/set-up\?token=[\w-]{43}$/);
  await expect(card(page, name)).toContainText(`${email} · Editor · Invited`);
  await context.close();
});

// One test per width and page: axe on a page listing every account of the run takes a while.
for (const width of [375, 1280]) {
  test(`/staff/accounts has no axe violations at ${width} px wide`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width, height: 800 });
    await signIn(page, { role: "owner" });
    await createAccount({ role: "front-desk" });
    await page.goto("/staff/accounts");
    await expect(page).toHaveTitle(/^Staff accounts \|/);
    // With the error summary, then with a link shown.
    await page.getByRole("button", { name: "Invite and make a set-up link" }).click();
    await expect(page.getByRole("heading", { name: "The invitation was not made" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel("Email address").fill(`axe-${randomUUID().slice(0, 6)}@example.com`);
    await page.getByRole("radio", { name: /^Front desk:/ }).check();
    await page.getByRole("button", { name: "Invite and make a set-up link" }).click();
    await expect(page.locator("#invite-link")).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });

  test(`/staff/sessions has no axe violations at ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const person = await signIn(page, { role: "editor" });
    // A second session, so the page lists one to end.
    await createSession(await testDb(), {
      id: randomUUID(),
      tokenHash: randomUUID(),
      accountId: person.id,
      stage: "full",
      userAgent: "Firefox on Linux",
      clientHash: "e2e",
      now: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await page.goto("/staff/sessions");
    await expect(page).toHaveTitle(/^Your sessions \|/);
    await expect(
      page.getByRole("button", { name: "End the session on Firefox on Linux" }),
    ).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });
}
