import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import {
  allows,
  homeOf,
  STAFF_ACTIONS,
  STAFF_PAGES,
  STAFF_ROUTES,
  toolbarLinks,
  type StaffAction,
  type StaffEndpoint,
  type StaffPage,
  type StaffRoute,
} from "@/lib/staff/endpoints";
import { can, ROLES } from "@/lib/validations/permissions";
import { E2E_BASE_URL } from "./server-env";
import {
  actionForms,
  clientIp,
  readRequest,
  seedRequest,
  signIn,
  testDb,
  type TestAccount,
} from "./staff-fixtures";
import { preferSourceView } from "./editor-fixtures";

/*
 * Each role, against the production build: what the UI offers and what the
 * server answers when asked directly, both read from the permission table
 * (lib/validations/permissions.ts) and the endpoint catalogue (lib/staff/endpoints.ts)
 * rather than from lists written here. Every page, route and server action a
 * role lacks answers 403 and is recorded in the audit log as "permission
 * refused" under that person; a role that may not read requests never gets a
 * byte of one. Then what each role is for: the front desk follows up a request
 * and keeps the clinic details, the editor publishes a page.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(70) } });

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));

/** A catalogue address with its parameters filled in. */
const address = (pattern: string, reference: string) =>
  pattern.replace("[reference]", reference).replace("[slug]", "benefits");

/** The catalogue entry an address in the HTML leads to (a link or a form's target), if any. */
function endpointAt(href: string): StaffPage | StaffRoute | undefined {
  const pathOnly = href.replace(/&amp;/g, "&").split(/[?#]/)[0] ?? "";
  const entries = [
    ...Object.keys(STAFF_PAGES).map((key) => [key, key] as const),
    ...Object.keys(STAFF_ROUTES).map((key) => [key, key.split(" ")[1] ?? ""] as const),
  ];
  const match = entries.find(([, pattern]) =>
    new RegExp(`^${pattern.replace(/\[[a-z]+\]/g, "[^/]+")}$`).test(pathOnly),
  );
  return match?.[0] as StaffPage | StaffRoute | undefined;
}

/** Every staff address a page's HTML links to or posts to. */
const staffTargets = (html: string) =>
  [...html.matchAll(/(?:href|action)="(\/staff[^"]*)"/g)].map((m) => m[1] ?? "");

/**
 * The id of every staff server action, by its exported name, from the build's
 * own manifest (the same ids the pages embed), with the staff pages that serve it.
 */
function builtActions(): Map<string, { id: string; pages: StaffPage[] }> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(
    readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; workers: Record<string, unknown> }> };
  const found = new Map<string, { id: string; pages: StaffPage[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const pages = Object.keys(entry.workers)
      .map((worker) => worker.replace(/^app/, "").replace(/\/page$/, ""))
      .filter((page): page is StaffPage => Object.hasOwn(STAFF_PAGES, page));
    if (entry.exportedName && pages.length > 0) found.set(entry.exportedName, { id, pages });
  }
  return found;
}

/** Role-limited endpoints of one kind: those open to anyone signed in are no one's to refuse. */
const limited = <T extends string>(catalogue: Record<T, { access: unknown }>) =>
  (Object.keys(catalogue) as T[]).filter((key) => Array.isArray(catalogue[key].access));

async function refusalsOf(account: TestAccount, since: string) {
  const rows = await (
    await testDb()
  )
    .selectFrom("audit_log")
    .select(["detail", "account_name"])
    .where("account_id", "=", account.id)
    .where("event", "=", "permission-refused")
    .where("at", ">=", since)
    .execute();
  return rows.map((row) => ({
    name: row.account_name,
    endpoint: (JSON.parse(row.detail ?? "{}") as { endpoint?: string }).endpoint,
  }));
}

const post = (page: Page, to: string, options: Parameters<Page["request"]["post"]>[1]) =>
  page.request.post(to, {
    ...options,
    headers: { origin: E2E_BASE_URL, ...options?.headers },
    maxRedirects: 0,
  });

for (const role of ROLES) {
  test(`${role}: the UI offers only what the table allows, and the server refuses the rest with 403`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const reference = await seedRequest();
    const secrets = [reference, `Patient ${reference}`, `Secret message ${reference}`];
    // A refusal may repeat the address asked for (the request page's title does); nothing else.
    const fromTheRequest = secrets.slice(1);
    const since = new Date().toISOString();
    const account = await signIn(page, { role });
    const refused: StaffEndpoint[] = [];
    const expectRefused = async (endpoint: StaffEndpoint, response: APIResponse) => {
      expect([endpoint, response.status()]).toEqual([endpoint, 403]);
      const body = await response.text();
      for (const secret of fromTheRequest) expect(body, endpoint).not.toContain(secret);
      refused.push(endpoint);
    };

    // The toolbar: exactly the table's pages for this role.
    const toolbar = page.getByRole("navigation", { name: "Staff" }).getByRole("link");
    await expect(toolbar).toHaveText(toolbarLinks(role).map((link) => link.label));
    expect(new URL(page.url()).pathname).toBe(homeOf(role));

    // Every page of the catalogue: open, or 403 without a word of any request.
    const reachable: string[] = [];
    for (const pattern of limited(STAFF_PAGES)) {
      const response = await page.request.get(address(pattern, reference));
      if (pattern === "/staff" && !allows(role, pattern)) {
        // Sign-in lands on /staff: a role without the inbox is sent on to its own first page.
        expect(new URL(response.url()).pathname).toBe(homeOf(role));
      } else if (!allows(role, pattern)) {
        await expectRefused(pattern, response);
        continue;
      }
      expect([pattern, response.status()]).toEqual([pattern, 200]);
      reachable.push(await response.text());
    }

    // What the reachable pages offer: no link or form leads anywhere the role may not go.
    for (const html of reachable) {
      for (const target of staffTargets(html)) {
        const endpoint = endpointAt(target);
        if (endpoint) expect([target, allows(role, endpoint)]).toEqual([target, true]);
      }
      if (!can(role, "requests.read")) {
        for (const secret of secrets) expect(html).not.toContain(secret);
      }
    }

    // The routes, asked directly: read ones answer, posts refused before a byte is read.
    for (const route of limited(STAFF_ROUTES)) {
      const [method, pattern = ""] = route.split(" ");
      const to = address(pattern, reference);
      if (method === "GET") {
        const response = await page.request.get(to, { maxRedirects: 0 });
        if (allows(role, route)) expect([route, response.status()]).toEqual([route, 200]);
        else await expectRefused(route, response);
      } else if (!allows(role, route)) {
        const file = { name: "a.png", mimeType: "image/png", buffer: Buffer.from("x") };
        await expectRefused(route, await post(page, to, { multipart: { image: file } }));
      }
    }

    // Every server action the role lacks, posted as the page's JavaScript posts it, to a page
    // serving it that the role may open where there is one. Where there is none, Next.js renders
    // the page after the refused action, and the page refuses (and is recorded) as well.
    const built = builtActions();
    for (const action of limited(STAFF_ACTIONS).filter((a) => !allows(role, a))) {
      const found = built.get(action);
      expect(found, `${action} is in the build`).toBeDefined();
      const pages = found?.pages ?? [];
      const at = pages.find((p) => allows(role, p)) ?? pages[0] ?? "/staff";
      const response = await post(page, address(at, reference), {
        headers: { "next-action": found?.id ?? "", "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      await expectRefused(action satisfies StaffAction, response);
      if (!allows(role, at)) refused.push(at);
    }

    // Each refusal is in the audit log once, under this person.
    const logged = await refusalsOf(account, since);
    expect(logged.map((entry) => entry.endpoint).sort()).toEqual([...refused].sort());
    expect(new Set(logged.map((entry) => entry.name))).toEqual(
      new Set(refused.length ? [account.name] : []),
    );
    if (role === "owner") expect(refused).toEqual([]);
  });
}

test("the forms another role sees do nothing when posted by the front desk or the editor", async ({
  page,
  browser,
}) => {
  const reference = await seedRequest();
  // The owner's pages hold every form: the request's follow-up and delete, the page editor's.
  const owner = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": clientIp(71) } });
  await signIn(owner);
  const requestForms = actionForms(
    await (await owner.request.get(`/staff/requests/${reference}`)).text(),
  ).filter((form) => !form.text.includes("Sign out</button>"));
  const editorForms = actionForms(
    await (await owner.request.get("/staff/content/benefits")).text(),
  ).filter((form) => !form.text.includes("Sign out</button>"));
  await owner.close();
  expect(requestForms.map((f) => f.text).join()).toContain("Delete permanently");
  expect(editorForms.length).toBeGreaterThanOrEqual(1);

  // Posted without JavaScript, a refused action answers 404: Next.js 16 renders its not-found
  // page for any forbidden() in a form action without JavaScript (app-render's 'not-found'
  // branch). Either way the action did nothing and the refusal is recorded.
  const refusedStatus = [403, 404];
  const frontDesk = await signIn(page, { role: "front-desk" });
  const since = new Date().toISOString();
  // The front desk: the delete form (ticked) and the page editor's publish are refused.
  const deleteForm = requestForms.filter((form) => form.text.includes("Delete permanently"));
  expect(deleteForm).toHaveLength(1);
  for (const form of deleteForm) {
    const response = await post(page, `/staff/requests/${reference}`, {
      multipart: { ...form.fields, reference, confirm: "yes" },
    });
    expect(refusedStatus).toContain(response.status());
  }
  expect((await readRequest(reference)).status).toBe("new");
  const title = `Published by the front desk ${Date.now()}`;
  for (const form of editorForms) {
    const response = await post(page, "/staff/content/benefits", {
      multipart: {
        ...form.fields,
        slug: "benefits",
        isNew: "0",
        title,
        description: "d",
        lastReviewed: "2026-01-01",
        kind: "article",
        body: title,
        intent: "publish",
        parentId: "0",
      },
    });
    expect(refusedStatus).toContain(response.status());
  }
  expect(await (await page.request.get("/benefits")).text()).not.toContain(title);
  const byFrontDesk = (await refusalsOf(frontDesk, since)).map((r) => r.endpoint);
  expect(byFrontDesk).toEqual(expect.arrayContaining(["deleteRequestAction", "editPageAction"]));

  // The editor: not one of the request's forms acts (status, note, delete).
  await page.context().clearCookies();
  const editor = await signIn(page, { role: "editor" });
  for (const form of requestForms) {
    const response = await post(page, `/staff/requests/${reference}`, {
      multipart: { ...form.fields, reference, status: "spam", note: "editor", confirm: "yes" },
    });
    expect(refusedStatus).toContain(response.status());
    // The address it was posted to is repeated in the answer; nothing of the request is.
    expect(await response.text()).not.toContain(`Secret message ${reference}`);
  }
  expect(await readRequest(reference)).toEqual({ status: "new", events: [] });
  const byEditor = (await refusalsOf(editor, since)).map((r) => r.endpoint);
  expect(byEditor).toEqual(expect.arrayContaining(["saveFollowUpAction", "deleteRequestAction"]));
});

test("the front desk changes a status, adds a note and publishes the clinic details, under its name", async ({
  page,
}) => {
  const reference = await seedRequest();
  const me = await signIn(page, { role: "front-desk" });
  // No CSV export in the inbox, no delete on the request.
  await expect(page.getByRole("link", { name: /CSV/ })).toHaveCount(0);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Request ${reference}`);
  await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);

  await page.getByLabel("Status").selectOption("contacted");
  await page.getByLabel("Private note (optional)").fill("Called back, booked Tuesday.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Note: Called back, booked Tuesday.")).toBeVisible();
  const history = page.locator("section", { hasText: "History and notes" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  for (const item of await history.getByRole("listitem").all()) {
    await expect(item).toContainText(`by ${me.name}`);
  }
  const { status, events } = await readRequest(reference);
  expect(status).toBe("contacted");
  expect(events.map((e) => [e.kind, e.account_id, e.author])).toEqual([
    ["status", me.id, me.name],
    ["note", me.id, me.name],
  ]);

  // The clinic details, published as they are (other journeys read them) with a note.
  await page
    .getByRole("navigation", { name: "Staff" })
    .getByRole("link", { name: "Clinic details" })
    .click();
  await page.getByLabel("What changed (optional)").fill("Checked the hours");
  await page.getByRole("button", { name: "Publish clinic details" }).click();
  await expect(page.getByText("Published. Every page shows the new details now.")).toBeVisible();
  await expect(page.getByText(/^Last published/)).toContainText(`by ${me.name}.`);
  const latest = await (
    await testDb()
  )
    .selectFrom("clinic_revisions")
    .select(["author", "account_id", "note"])
    .orderBy("id", "desc")
    .executeTakeFirst();
  expect(latest).toEqual({ author: me.name, account_id: me.id, note: "Checked the hours" });
});

test("the editor publishes a page and never sees a request", async ({ page }) => {
  const reference = await seedRequest();
  const me = await signIn(page, { role: "editor" });
  expect(new URL(page.url()).pathname).toBe("/staff/content");
  expect(await page.content()).not.toContain(reference);

  // A new page kept as a draft, so visitors and the other journeys never see it.
  const slug = `editor-draft-${Date.now()}`;
  await page.getByRole("link", { name: "New page" }).click();
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("Written by the editor");
  await page.getByLabel("Description").fill("A page the editor published as a draft.");
  await page.getByLabel("Draft: hidden from visitors").check();
  await page.getByLabel("Page text").fill("The editor's text.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  const revision = await (
    await testDb()
  )
    .selectFrom("page_revisions")
    .select(["author", "account_id"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  expect(revision).toEqual({ author: me.name, account_id: me.id });

  await page.getByLabel(`Yes, delete /${slug}`).check();
  await page.getByRole("button", { name: "Delete page" }).click();
  await expect(page.getByText("The page was deleted.")).toBeVisible({ timeout: 20_000 });
});

test("the owner reads each refusal in the audit log under the person refused", async ({
  page,
  browser,
}) => {
  const practitioner = await browser.newPage({
    extraHTTPHeaders: { "x-forwarded-for": clientIp(72) },
  });
  const account = await signIn(practitioner, { role: "practitioner" });
  expect((await practitioner.request.get("/staff/requests.csv")).status()).toBe(200);
  expect((await practitioner.request.get("/staff/audit")).status()).toBe(403);
  expect((await practitioner.request.get("/staff/audit.csv")).status()).toBe(403);
  await practitioner.close();

  await signIn(page);
  await page.goto(`/staff/audit?person=${account.id}&event=permission-refused`);
  const rows = page
    .getByRole("table", { name: "Audit log entries, newest first" })
    .getByRole("row")
    .filter({ hasText: "Permission refused" })
    .filter({ hasText: account.name });
  await expect(rows).toHaveCount(2);
});
