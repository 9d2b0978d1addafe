import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./server-env";
import {
  actionForms,
  clientIp,
  HOSTILE,
  readRequest,
  seedRequest,
  createAccount,
  signIn,
  submitSignIn,
  testDb,
} from "./staff-fixtures";
import { enrolAuthenticator } from "./two-step-fixtures";

/* Each describe signs in from its own address, so the lockout test cannot lock out the others. */

test.describe("an outsider", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(1) } });

  test("gets no request data from any staff page, route or export", async ({ request }) => {
    const reference = await seedRequest();
    const forged = {
      cookie: "staff_session=v1.1.99999999999999.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    };
    for (const headers of [{}, forged]) {
      for (const path of [
        "/staff",
        "/staff?status=new",
        `/staff/requests/${reference}`,
        "/staff/requests.csv",
        "/staff/requests.csv?status=new",
      ]) {
        const response = await request.get(path, { headers });
        const body = await response.text();
        expect(body, path).not.toContain(reference);
        expect(body, path).not.toContain("Secret message");
        expect(response.headers()["x-robots-tag"], path).toContain("noindex");
        expect(response.headers()["cache-control"], path).toContain("no-store");
        if (path.includes(".csv")) expect(response.status(), path).toBe(401);
        else expect(body, path).toContain("Staff sign-in");
      }
    }
  });

  test("finds no staff pages in the sitemap", async ({ request }) => {
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.ok()).toBe(true);
    expect(await sitemap.text()).not.toContain("/staff");
  });

  test("changes nothing by posting every staff action without a session", async ({
    page,
    request,
  }) => {
    const reference = await seedRequest();
    await signIn(page);
    const html = await (await page.request.get(`/staff/requests/${reference}`)).text();
    const signOut = (form: { text: string }) => Number(form.text.includes("Sign out</button>"));
    // Sign-out goes last: with the session it revokes the cookie the later posts rely on.
    const forms = actionForms(html).sort((a, b) => signOut(a) - signOut(b));
    expect(forms.length).toBeGreaterThanOrEqual(3); // status and note, delete, sign out
    expect(signOut(forms.at(-1) ?? { text: "" })).toBe(1);
    const session = (await page.context().cookies()).find((c) => c.name === "staff_session");
    const postAll = async (fields: Record<string, string>, cookie?: string) => {
      for (const form of forms) {
        const response = await request.post(`/staff/requests/${reference}`, {
          headers: { origin: E2E_BASE_URL, ...(cookie ? { cookie } : {}) },
          multipart: { ...form.fields, reference, ...fields },
          maxRedirects: 0,
        });
        if (!cookie) expect(await response.text()).not.toContain("Secret message");
      }
    };

    await postAll({ status: "spam", note: "intruder", confirm: "yes" });
    expect(await readRequest(reference)).toEqual({ status: "new", events: [] });

    // The same posts with the session do act (no confirm, so no delete): the posts above were real.
    await postAll({ status: "spam", note: "staff" }, `staff_session=${session?.value}`);
    const after = await readRequest(reference);
    expect(after.status).toBe("spam");
    expect(after.events.map((e) => e.kind).sort()).toEqual(["note", "status"]);
  });
});

test.describe("wrong passwords", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(2) } });

  test("lock sign-in for that client after 5 tries, even with the right password", async ({
    page,
    browser,
  }) => {
    const account = await createAccount({ role: "front-desk" });
    const wrong = page
      .getByRole("alert")
      .filter({ hasText: "That email and password do not match" });
    // Wrong passwords for an account and for addresses without one get the same answer.
    for (let i = 1; i <= 4; i++) {
      await submitSignIn(
        page,
        i % 2 ? account.email : `nobody-${i}@example.com`,
        `wrong-password-${i}`,
      );
      await expect(wrong).toBeVisible();
      await expect(page.getByLabel("Email")).toHaveValue(
        i % 2 ? account.email : `nobody-${i}@example.com`,
      );
    }
    await submitSignIn(page, account.email, "wrong-password-5");
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in is locked" })).toBeVisible();
    await submitSignIn(page, account.email, account.password);
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in is locked" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Consultation requests" })).toHaveCount(0);

    // Another client is not affected, and the account itself is not locked (3 of its 5).
    const other = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": clientIp(3) },
    });
    const otherPage = await other.newPage();
    await submitSignIn(otherPage, account.email, account.password);
    await enrolAuthenticator(otherPage);
    await expect(
      otherPage.getByRole("heading", { level: 1, name: "Consultation requests" }),
    ).toBeVisible();
    await other.close();
  });

  test("lock an account after 5 wrong passwords from anywhere, answering as for any wrong password", async ({
    browser,
  }) => {
    const account = await createAccount({ role: "practitioner" });
    const db = await testDb();
    for (let i = 0; i < 5; i++) {
      // Each guess from another address: only the account's own limit can stop them.
      const context = await browser.newContext({
        extraHTTPHeaders: { "x-forwarded-for": clientIp(100 + i) },
      });
      const page = await context.newPage();
      await submitSignIn(page, account.email, `guess-${i}-of-five`);
      await expect(
        page.getByRole("alert").filter({ hasText: "That email and password do not match" }),
      ).toBeVisible();
      await context.close();
    }
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": clientIp(110) },
    });
    const page = await context.newPage();
    await submitSignIn(page, account.email, account.password);
    await expect(
      page.getByRole("alert").filter({ hasText: "That email and password do not match" }),
    ).toBeVisible();
    await context.close();
    const events = await db
      .selectFrom("audit_log")
      .select("event")
      .where("object_id", "=", account.id)
      .execute();
    expect(events.filter((e) => e.event === "locked")).toHaveLength(1);
    expect(events.filter((e) => e.event === "sign-in-failed").length).toBeGreaterThanOrEqual(6);
  });
});

test.describe("staff", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(4) } });

  test("sign in, read hostile text inertly, change status, add a note, export CSV and sign out", async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const reference = await seedRequest({
      full_name: HOSTILE,
      message: HOSTILE,
      urgent: 1,
      red_flag_level: "emergency",
      red_flags: '["chest-pain"]',
    });
    const formula = await seedRequest({ full_name: '=HYPERLINK("http://evil.example","click")' });

    // Through the form: this journey checks the cookie the server sets.
    const account = await createAccount({ role: "practitioner" });
    await submitSignIn(page, account.email.toUpperCase(), account.password);
    await enrolAuthenticator(page);
    await expect(
      page.getByRole("heading", { level: 1, name: "Consultation requests" }),
    ).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === "staff_session");
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
      secure: true,
      path: "/staff",
    });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(7.9 * 3_600_000);
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(8 * 3_600_000);

    await expect(page.getByTestId("new-count")).toContainText(/\d+ new requests?/);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("Urgent: emergency now");
    await expect(row).toContainText(HOSTILE);

    await row.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
    await expect(page.locator('[data-field="Message"]')).toHaveText(HOSTILE);
    await expect(page.locator('[data-field="Name"]')).toHaveText(HOSTILE);
    await expect(page.locator('[data-field="Warning symptoms"]')).toHaveText(
      "Chest pain or sudden breathlessness",
    );
    await expect(page.getByTestId("urgency")).toContainText(
      "told to call the emergency number or go to an emergency department now",
    );
    await expect(page.locator('[data-field="Clinic email"]')).toContainText("Sent");
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    await page.getByLabel("Status").selectOption("contacted");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Status updated.");
    await expect(
      page
        .getByRole("region", { name: "History and notes" })
        .or(page.locator("section", { hasText: "History and notes" })),
    ).toContainText("Status changed from New to Contacted");

    await page.getByLabel("Private note").fill("Left a voicemail.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Note added.");
    await expect(page.getByText("Note: Left a voicemail.")).toBeVisible();
    expect((await readRequest(reference)).status).toBe("contacted");
    expect((await readRequest(reference)).events.map((e) => e.kind)).toEqual(["status", "note"]);

    await page.goto("/staff?status=contacted");
    await expect(page.getByRole("link", { name: "Contacted", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: formula })).toHaveCount(0);

    const csv = await page.request.get("/staff/requests.csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain("attachment");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^Reference,Received/);
    expect(lines.find((l) => l.startsWith(`${formula},`))).toContain(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    const contacted = await (await page.request.get("/staff/requests.csv?status=contacted")).text();
    expect(contacted).toContain(reference);
    expect(contacted).not.toContain(formula);

    const copied = (await page.context().cookies()).find((c) => c.name === "staff_session");
    expect(copied).toBeDefined();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
    expect(
      (await page.context().cookies()).find((c) => c.name === "staff_session"),
    ).toBeUndefined();
    expect((await page.request.get("/staff/requests.csv")).status()).toBe(401);
    // A copy of the cookie taken before signing out no longer works either.
    const replayed = await page.request.get("/staff/requests.csv", {
      headers: { cookie: `staff_session=${copied?.value}` },
    });
    expect(replayed.status()).toBe(401);
    expect(dialogs).toEqual([]);
  });

  test("a status change replayed without the session cookie changes nothing", async ({ page }) => {
    const reference = await seedRequest();
    await signIn(page);
    await page.goto(`/staff/requests/${reference}`);
    await page.getByLabel("Status").selectOption("booked");
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && r.headers()["next-action"] !== undefined,
    );
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const original = await posted;
    await expect(page.getByRole("status")).toHaveText("Status updated.");

    const db = await testDb();
    const { id } = await db
      .selectFrom("consultation_requests")
      .select("id")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("consultation_requests")
      .set({ status: "new" })
      .where("id", "=", id)
      .execute();
    await db.deleteFrom("request_events").where("request_id", "=", id).execute();

    const { cookie, ...headers } = await original.allHeaders();
    const replay = async (extra: Record<string, string>) => {
      const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
      const response = await context.post(original.url(), {
        headers: { ...headers, ...extra },
        data: original.postDataBuffer() ?? "",
        maxRedirects: 0,
      });
      const body = await response.text();
      await context.dispose();
      return body;
    };
    expect(await replay({})).not.toContain(reference);
    expect(await readRequest(reference)).toEqual({ status: "new", events: [] });

    // The same request with the cookie does change it, so the replay above was a real one.
    await replay({ cookie: cookie ?? "" });
    expect((await readRequest(reference)).status).toBe("booked");
  });

  test("deleting a request asks for confirmation and removes it for good", async ({ page }) => {
    const reference = await seedRequest();
    await signIn(page);
    await page.goto(`/staff/requests/${reference}`);
    await page.getByRole("button", { name: "Delete permanently" }).click();
    // The unticked box blocks the form, so nothing is deleted.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
    expect((await readRequest(reference)).status).toBe("new");

    await page
      .getByLabel(`I understand that request ${reference} will be permanently deleted.`)
      .check();
    await page.getByRole("button", { name: "Delete permanently" }).click();
    await expect(page.getByRole("status")).toHaveText(`Request ${reference} was deleted for good.`);
    expect((await readRequest(reference)).status).toBeUndefined();
    expect((await page.request.get(`/staff/requests/${reference}`)).status()).toBe(404);
  });
});

test.describe("accessibility", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(5) } });

  test("the sign-in page, the inbox and a request page have no axe violations", async ({
    page,
  }) => {
    const reference = await seedRequest({ urgent: 1 });
    // Client-side navigations set the title a moment after the content, so wait for it first.
    const check = async (title: RegExp) => {
      await expect(page).toHaveTitle(title);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    };
    await page.goto("/staff");
    await check(/^Staff sign-in \|/);
    await submitSignIn(page, "nobody@example.com", "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await check(/^Staff sign-in \|/);
    await page.goto("/staff/forgot-password");
    await check(/^Forgot your password \|/);
    await signIn(page);
    await check(/^Staff inbox \|/);
    await page.goto(`/staff/requests/${reference}`);
    await check(new RegExp(`^Request ${reference} \\|`));
  });
});

test.describe("on a phone", () => {
  test.use({
    extraHTTPHeaders: { "x-forwarded-for": clientIp(6) },
    viewport: { width: 320, height: 700 },
  });

  test("the inbox is a list of cards with urgent ones marked, with no sideways scrolling", async ({
    page,
  }) => {
    // A visitor's text may hold a word wider than the screen.
    const long = "Backpain".repeat(8);
    const reference = await seedRequest({ urgent: 1, red_flag_level: "urgent", message: long });
    await signIn(page);
    const fitsWidth = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
    const cards = page.getByRole("list", { name: "Consultation requests: all requests" });
    const card = cards.getByRole("listitem").filter({ hasText: reference });
    await expect(card).toContainText("Urgent: doctor today");
    await expect(card).toContainText(`Patient ${reference}`);
    await expect(page.getByRole("table")).toHaveCount(0);
    await fitsWidth();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await card.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
    await expect(page.getByTestId("urgency")).toContainText(
      "the visitor was told to see a doctor today",
    );
    await expect(page.getByText(long)).toBeVisible();
    await fitsWidth();
  });
});

test.describe("names written right to left or with direction marks", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(7) } });

  test("are isolated in <bdi> in the inbox and on the request page", async ({ page }) => {
    // Stored before names were checked: an override that would flip the text after it.
    const name = `Evil \u202Egnp.exe\u202C ${Date.now()}`;
    const reference = await seedRequest({ full_name: name });
    await signIn(page);
    const isolated = (scope: ReturnType<Page["locator"]>) =>
      scope.locator("bdi", { hasText: String(name.split(" ").at(-1)) });
    await expect(isolated(page.locator("main")).first()).toHaveText(name);
    await page.goto(`/staff/requests/${reference}`);
    await expect(isolated(page.locator("main"))).toHaveText(name);
  });
});
