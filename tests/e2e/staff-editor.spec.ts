import { deflateSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { preferSourceView, expectLive, openAsStaff, publish } from "./editor-fixtures";
import { clientIp, createAccount, signIn } from "./staff-fixtures";

/*
 * Staff edit the site in the browser. These journeys change what visitors
 * see, so playwright.config.ts runs them after every other spec. Each test
 * works on its own page or puts back what it changed.
 */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const unique = () => Math.random().toString(36).slice(2, 8);

test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(40) } });

// These journeys type MDX: they work in source view (the visual editor has its own spec).
test.beforeEach(({ page }) => preferSourceView(page));

test.describe.configure({ mode: "serial" });

/** Every page of the staff editor, for the checks that visit them all. */
const EDITOR_PAGES = [
  "/staff/content",
  "/staff/content/benefits",
  "/staff/content/benefits/history",
  "/staff/new-page",
  "/staff/clinic",
  "/staff/images",
];

test("change the title and a paragraph of /benefits, preview, publish, see it live; then go back to the file", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content");
  await expect(page.getByRole("heading", { level: 1, name: "Pages" })).toBeVisible();
  await page.locator('a[href="/staff/content/benefits"]').click();

  const title = `Benefits, edited ${unique()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  const body = page.getByLabel("Page text");
  const text = await body.inputValue();
  await body.fill(
    text.replace(
      /^People try acupuncture[^\n]*/m,
      "A new first paragraph, written in the browser.",
    ),
  );

  // The preview follows the typing after a pause.
  const preview = page.getByTestId("preview");
  await expect(preview.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(preview).toContainText("A new first paragraph, written in the browser.");

  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await expectLive(page, "/benefits", title);
  await expectLive(page, "/benefits", "A new first paragraph, written in the browser.");

  // The regenerated page brings new inline scripts; its policy carries their hashes, so none is refused.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const regenerated = await page.goto("/benefits", { waitUntil: "networkidle" });
  expect(regenerated?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version),
    )
    .toBe("string");
  expect(problems).toEqual([]);

  // The menu label stays, the sitemap lists the page.
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/benefits");

  await page.goto("/staff/content");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Edited here");

  await page.goto("/staff/content/benefits/history");
  // The history starts where the page does: its file in content/.
  await expect(
    page.getByRole("list", { name: "History, oldest first" }).getByRole("listitem").first(),
  ).toContainText("Version in content/ (from the files)");
  await page.getByRole("button", { name: "Go back to the version in content/" }).click();
  await expect(
    page.getByText("Back to the version in content/: the browser edits are no longer shown."),
  ).toBeVisible();
  await expectLive(page, "/benefits", /Benefits of acupuncture for back pain/);
});

test("a new page joins the menu and sitemap, keeps its history, restores an earlier revision and can be deleted", async ({
  page,
}) => {
  const slug = `new-topic-${unique()}`;
  const me = await openAsStaff(page, "/staff/new-page");
  // Nobody types a name: what is published goes under the signed-in person.
  await expect(page.getByLabel("Your name")).toHaveCount(0);
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("A page made in the browser");
  await page.getByLabel("Description").fill("A short description of the new page.");
  await page.getByLabel("Menu label (optional)").fill("New topic");
  await page.getByLabel("Menu position (optional)").fill("90");
  await page.getByLabel("Page text").fill("First version of the text.");
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await expectLive(page, `/${slug}`, "First version of the text.");
  await expectLive(page, "/", `href="/${slug}"`);
  await expectLive(page, "/sitemap.xml", `/${slug}`);

  await page.getByLabel("Page text").fill("Second version of the text.");
  await publish(page);
  await expectLive(page, `/${slug}`, "Second version of the text.");

  await page.goto(`/staff/content/${slug}/history`);
  // The history reads oldest first, each version with its change shown rendered.
  const first = page
    .getByRole("listitem")
    .filter({ hasText: /^Published/ })
    .first();
  await expect(
    first.locator("ins", { hasText: "added: First version of the text." }),
  ).toBeVisible();
  const second = page
    .getByRole("listitem")
    .filter({ hasText: /^Published/ })
    .nth(1);
  await expect(second.locator("del", { hasText: "removed: First" })).toBeVisible();
  await expect(second.locator("ins", { hasText: "added: Second" })).toBeVisible();
  await page.getByRole("link", { name: "Open this version" }).first().click();
  await expect(page.getByTestId("diff")).toContainText("- First version of the text.");
  await expect(page.getByTestId("diff")).toContainText("+ Second version of the text.");
  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByText("The earlier version is restored")).toBeVisible();
  await expectLive(page, `/${slug}`, "First version of the text.");
  // Both publishes and the restore (a publish of the earlier text) go under the person's name.
  await page.goto(`/staff/content/${slug}/history`);
  const revisions = page.getByRole("listitem").filter({ hasText: /^Published/ });
  await expect(revisions).toHaveCount(3);
  for (const revision of await revisions.all())
    await expect(revision).toContainText(`by ${me.name}`);
  await page.goto(`/staff/content/${slug}`);

  await page.getByLabel(`Yes, delete /${slug}`).check();
  await page.getByRole("button", { name: "Delete page" }).click();
  await expect(page.getByText("The page was deleted.")).toBeVisible();
  await expect(async () => {
    expect((await page.request.get(`/${slug}`)).status()).toBe(404);
  }).toPass({ timeout: 5_000 });
});

test("invalid frontmatter and unsafe MDX are refused with the field named and the text kept", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/content/tips");
  await page.getByLabel("Description").fill("x".repeat(170));
  await expect(page.getByText("170 of 160 characters")).toBeVisible();
  const body = page.getByLabel("Page text");
  const unsafe =
    "\n\n<script>alert(1)</script>\n\nTwo is {1 + 1}.\n\n<Callot>\n\nHi\n\n</Callot>\n";
  await body.fill((await body.inputValue()) + unsafe);
  await publish(page);
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toBeVisible();
  await expect(page.getByText(/Description: must be at most 160 characters/)).toBeVisible();
  await expect(
    page.getByText(/the HTML tag <script> is not allowed \(line \d+, column 1\)/i),
  ).toBeVisible();
  await expect(page.getByText(/curly braces/)).toBeVisible();
  await expect(page.getByText(/did you mean Callout\?/)).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("x".repeat(170));
  await expect(page.getByLabel("Page text")).toHaveValue(/Two is \{1 \+ 1\}\./);
  expect(await (await page.request.get("/tips")).text()).not.toContain("x".repeat(170));
});

test("two editors on one page: the second publish is held and both versions are shown", async ({
  browser,
}) => {
  const [one, two] = await Promise.all([browser.newPage(), browser.newPage()]);
  // Each signs in as themselves; the refusal names the person who published first.
  const firstName = `First Editor ${unique()}`;
  for (const [p, name] of [
    [one, firstName],
    [two, `Second Editor ${unique()}`],
  ] as const) {
    await p.setExtraHTTPHeaders({ "x-forwarded-for": clientIp(41) });
    await preferSourceView(p);
    await openAsStaff(p, "/staff/content/privacy", { account: await createAccount({ name }) });
  }
  await one
    .getByLabel("Page text")
    .fill((await one.getByLabel("Page text").inputValue()) + "\n\nAdded by the first editor.");
  await publish(one);
  await expect(one.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });

  await two
    .getByLabel("Page text")
    .fill((await two.getByLabel("Page text").inputValue()) + "\n\nAdded by the second editor.");
  await publish(two);
  // Both added a paragraph at the end: an overlap, shown for a choice (merge.staff-editor.spec.ts).
  await expect(
    two.getByRole("alert").filter({ hasText: `${firstName} published this page` }),
  ).toBeVisible();
  await expect(
    two.getByRole("heading", { name: `Changed by you and by ${firstName}` }),
  ).toBeVisible();
  await expect(two.getByLabel("Page text")).toHaveValue(/Added by the second editor\./);

  await one.goto("/staff/content/privacy/history");
  await one.getByRole("button", { name: "Go back to the version in content/" }).click();
  await Promise.all([one.close(), two.close()]);
});

test("change the clinic phone and the opening hours, and see them in the footer and on every page", async ({
  page,
}) => {
  const me = await openAsStaff(page, "/staff/clinic");
  const phone = page.getByLabel("Phone");
  const original = await phone.inputValue();
  await phone.fill("+1 555 010 7777");
  const rows = page.getByRole("group", { name: /Opening time \d+: days/ });
  const before = await rows.count();
  await page.getByRole("button", { name: "Add an opening time" }).click();
  await expect(rows).toHaveCount(before + 1);
  // The new row arrives with every value typed so far kept.
  await expect(page.getByLabel("Phone")).toHaveValue("+1 555 010 7777");
  const last = rows.last();
  await last.getByLabel("Sunday").check();
  await page
    .getByLabel(/Closes/)
    .last()
    .fill("08:00");
  await page.getByRole("button", { name: "Publish clinic details" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toBeVisible();
  await expect(page.getByText("opens must be before closes")).toBeVisible();
  await page
    .getByLabel(/Closes/)
    .last()
    .fill("12:00");
  await publish(page, { button: "Publish clinic details" });
  await expect(page.getByText("Published. Every page shows the new details now.")).toBeVisible();
  await expect(page.getByText(/^Last published/)).toContainText(`by ${me.name}.`);
  await expectLive(page, "/about", "+1 555 010 7777");
  await expectLive(page, "/", /Sunday/);

  await page.getByLabel("Phone").fill(original);
  await page
    .getByRole("button", { name: /Remove opening time/ })
    .last()
    .click();
  await publish(page, { button: "Publish clinic details" });
  await expectLive(page, "/about", original);
});

/** A colleague in a browser of their own, signed in to their own front-desk account, on /staff/clinic. */
async function clinicColleague(browser: Browser, name: string, javaScriptEnabled = true) {
  const context = await browser.newContext({
    javaScriptEnabled,
    extraHTTPHeaders: { "x-forwarded-for": clientIp(40) },
  });
  const page = await context.newPage();
  const account = await createAccount({ role: "front-desk", name: `${name} ${unique()}` });
  await openAsStaff(page, "/staff/clinic", { account });
  return { page, account, close: () => context.close() };
}

/** The clinic details these journeys change, as they were, to put back at the end. */
async function clinicAsItWas(page: Page) {
  return {
    phone: await page.getByLabel("Phone").inputValue(),
    replyWithin: await page.getByLabel("We reply within").inputValue(),
    closes: await page
      .getByLabel(/Closes/)
      .first()
      .inputValue(),
  };
}

async function putClinicBack(page: Page, was: Awaited<ReturnType<typeof clinicAsItWas>>) {
  await page.goto("/staff/clinic");
  await page.getByLabel("Phone").fill(was.phone);
  await page.getByLabel("We reply within").fill(was.replyWithin);
  await page
    .getByLabel(/Closes/)
    .first()
    .fill(was.closes);
  await publishClinic(page);
}

/** A phone number no earlier run left behind, so each colleague's change is a change. */
const newPhone = (who: "alex" | "sam") =>
  `+1 555 ${who === "alex" ? "011" : "012"} ${String(1000 + Math.floor(Math.random() * 9000))}`;

/** Publishes the clinic details as they are in the form, and waits for it to be done. */
async function publishClinic(page: Page): Promise<void> {
  await publish(page, { button: "Publish clinic details" });
  await expect(page.getByText("Published. Every page shows the new details now.")).toBeVisible({
    timeout: 20_000,
  });
}

const combinedWith = (name: string) =>
  new RegExp(`Published, combined with ${name}'s changes of \\d\\d:\\d\\d\\.`);

test("two colleagues change different clinic details, and both changes are kept", async ({
  browser,
}) => {
  test.slow();
  const alex = await clinicColleague(browser, "Alex");
  const sam = await clinicColleague(browser, "Sam");
  const was = await clinicAsItWas(sam.page);
  const alexPhone = newPhone("alex");

  await alex.page.getByLabel("Phone").fill(alexPhone);
  await publishClinic(alex.page);

  // Sam opened the details before Alex published: the publish combines, replacing nothing.
  await sam.page.getByLabel("We reply within").fill("two working days");
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(sam.page.getByText(combinedWith(alex.account.name))).toBeVisible({
    timeout: 20_000,
  });
  await expect(sam.page.getByLabel("Phone")).toHaveValue(alexPhone);
  await expect(sam.page.getByLabel("We reply within")).toHaveValue("two working days");
  await expect(sam.page.getByText(/^Last published/)).toContainText(`by ${sam.account.name}.`);
  await expectLive(sam.page, "/about", alexPhone);

  await putClinicBack(sam.page, was);
  await Promise.all([alex.close(), sam.close()]);
});

test("the same clinic detail changed by two colleagues is shown side by side and decided one by one", async ({
  browser,
}) => {
  test.slow();
  const alex = await clinicColleague(browser, "Alex");
  const sam = await clinicColleague(browser, "Sam");
  const was = await clinicAsItWas(sam.page);
  const [alexPhone, samPhone] = [newPhone("alex"), newPhone("sam")];

  await alex.page.getByLabel("Phone").fill(alexPhone);
  await alex.page
    .getByLabel(/Closes/)
    .first()
    .fill("17:45");
  await publishClinic(alex.page);

  await sam.page.getByLabel("Phone").fill(samPhone);
  await sam.page.getByLabel("We reply within").fill("two working days");
  await sam.page
    .getByLabel(/Closes/)
    .first()
    .fill("19:15");
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(
    sam.page.getByRole("alert").filter({
      hasText: `${alex.account.name} published clinic details at`,
    }),
  ).toContainText("you both changed Phone and Opening hours", { timeout: 20_000 });
  await expect(
    sam.page.getByRole("heading", { name: `Changed by you and by ${alex.account.name}` }),
  ).toBeVisible({ timeout: 20_000 });
  // Nothing typed is lost: every value is still in its field.
  await expect(sam.page.getByLabel("Phone")).toHaveValue(samPhone);
  await expect(sam.page.getByLabel("We reply within")).toHaveValue("two working days");
  await expect(sam.page.getByLabel(/Closes/).first()).toHaveValue("19:15");

  const phone = sam.page.getByRole("group", { name: "Change 1 of 2: Phone" });
  await expect(phone).toContainText("Yours");
  await expect(phone).toContainText(`Theirs, by ${alex.account.name}`);
  // The differences marked with words a screen reader says, not colour alone.
  await expect(phone.locator("ins").first()).toContainText("added:");
  await expect(phone.locator("del").first()).toContainText("removed:");
  await expect(phone).toContainText(samPhone.slice(-4));
  await expect(phone).toContainText(alexPhone.slice(-4));
  const hours = sam.page.getByRole("group", { name: /^Change 2 of 2: Opening hours, the time/ });
  await expect(hours).toContainText("19:15");
  await expect(hours).toContainText("17:45");

  for (const width of [375, 1280]) {
    await sam.page.setViewportSize({ width, height: 900 });
    const axe = await new AxeBuilder({ page: sam.page }).withTags(WCAG_TAGS).analyze();
    expect(axe.violations, `${width} px`).toEqual([]);
  }

  // One choice made: still nothing published, the missing one named, the made one kept.
  await phone.getByRole("radio", { name: "Keep mine" }).check();
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(sam.page.getByRole("alert").filter({ hasText: "Not published" })).toContainText(
    "choose Keep mine or Take theirs for Opening hours",
    { timeout: 20_000 },
  );
  await expect(phone.getByRole("radio", { name: "Keep mine" })).toBeChecked();
  await hours.getByRole("radio", { name: "Take theirs" }).check();
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(sam.page.getByText(combinedWith(alex.account.name))).toBeVisible({
    timeout: 20_000,
  });
  await expect(sam.page.getByLabel("Phone")).toHaveValue(samPhone);
  await expect(sam.page.getByLabel("We reply within")).toHaveValue("two working days");
  await expect(sam.page.getByLabel(/Closes/).first()).toHaveValue("17:45");

  await putClinicBack(sam.page, was);
  await Promise.all([alex.close(), sam.close()]);
});

test("without JavaScript, the same clinic detail changed by two colleagues is decided and published", async ({
  browser,
}) => {
  test.slow();
  const alex = await clinicColleague(browser, "Alex");
  const sam = await clinicColleague(browser, "Sam", false);
  const was = await clinicAsItWas(sam.page);
  const [alexPhone, samPhone] = [newPhone("alex"), newPhone("sam")];

  await alex.page.getByLabel("Phone").fill(alexPhone);
  await publishClinic(alex.page);

  await sam.page.getByLabel("Phone").fill(samPhone);
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(sam.page.getByRole("alert").filter({ hasText: "Not published" })).toContainText(
    "you both changed Phone.",
    { timeout: 20_000 },
  );
  await expect(sam.page.getByLabel("Phone")).toHaveValue(samPhone);
  const phone = sam.page.getByRole("group", { name: "Change 1 of 1: Phone" });
  await phone.getByRole("radio", { name: "Take theirs" }).check();
  await publish(sam.page, { button: "Publish clinic details" });
  await expect(sam.page.getByText(combinedWith(alex.account.name))).toBeVisible({
    timeout: 20_000,
  });
  await expect(sam.page.getByLabel("Phone")).toHaveValue(alexPhone);

  await putClinicBack(sam.page, was);
  await Promise.all([alex.close(), sam.close()]);
});

/** A small, valid PNG: a signature, a header with its size, one compressed row per line, an end. */
function tinyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("upload an image, refuse an SVG, and show the image on a page with its alt text", async ({
  page,
}) => {
  await openAsStaff(page, "/staff/images");
  await page.getByLabel("Image file").setInputFiles({
    name: "drawing.png",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByText(/not a PNG, JPEG or WebP image/)).toBeVisible();

  await page.getByLabel("Image file").setInputFiles({
    name: "room.png",
    mimeType: "image/png",
    buffer: tinyPng(64, 48),
  });
  await page.getByRole("button", { name: "Upload image" }).click();
  const snippet = page.getByRole("status").locator("code");
  await expect(snippet).toContainText('width="64" height="48"');
  const src = /src="([^"]+)"/.exec((await snippet.textContent()) ?? "")?.[1] ?? "";
  // Prepared: no transparency, so a JPEG fallback beside the AVIF, named with its width.
  expect(src).toMatch(/^\/media\/[0-9a-f]{64}-64\.jpg$/);
  const image = await page.request.get(src);
  expect(image.headers()["content-type"]).toBe("image/jpeg");
  expect(image.headers()["cache-control"]).toContain("immutable");

  const slug = `with-image-${unique()}`;
  await page.goto("/staff/new-page");
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title", { exact: true }).fill("A page with a picture");
  await page.getByLabel("Description").fill("A page that shows an uploaded picture.");
  await page
    .getByLabel("Page text")
    .fill(`Our room.\n\n<Figure src="${src}" alt="" caption="The room." width="64" height="48" />`);
  await publish(page);
  // The editor's own check shows this while typing: wait for the server's answer too.
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toBeVisible();
  await expect(page.getByText(/alt must not be empty/)).toBeVisible();
  await page
    .getByLabel("Page text")
    .fill(
      `Our room.\n\n<Figure src="${src}" alt="A quiet treatment room" caption="The room." width="64" height="48" />`,
    );
  await publish(page);
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({ timeout: 20_000 });
  await page.goto(`/${slug}`);
  await expect(page.getByRole("img", { name: "A quiet treatment room" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("edit, preview with the button, publish and see it live", async ({ page }) => {
    const slug = `no-js-${unique()}`;
    await openAsStaff(page, "/staff/new-page");
    await page.getByLabel("Address").fill(slug);
    await page.getByLabel("Title", { exact: true }).fill("Written without JavaScript");
    await page.getByLabel("Description").fill("A page written with plain form posts.");
    await page.getByLabel("Page text").fill("Plain form posts work.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("preview")).toContainText("Plain form posts work.");
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(
      "Written without JavaScript",
    );
    await publish(page);
    await expect(page.getByText("Published. Visitors see it now.")).toBeVisible({
      timeout: 20_000,
    });
    await expectLive(page, `/${slug}`, "Plain form posts work.");
  });
});

test("an outsider gets nothing from any editor page or action", async ({ page, request }) => {
  for (const path of EDITOR_PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    const html = await response.text();
    expect(html).not.toContain("People try acupuncture");
    expect(html).not.toContain("field-body");
  }
  // Replaying an editor post without the session publishes nothing.
  await openAsStaff(page, "/staff/content/benefits");
  const html = await page.content();
  const ids = [...new Set([...html.matchAll(/name="\$ACTION_ID_([^"]+)"/g)].map((m) => m[1]))];
  for (const id of ids) {
    const response = await request.post("/staff/content/benefits", {
      multipart: {
        [`$ACTION_ID_${id}`]: "",
        slug: "benefits",
        title: "Hacked",
        description: "d",
        lastReviewed: "2026-01-01",
        body: "Hacked",
        intent: "publish",
        parentId: "0",
        isNew: "0",
        kind: "article",
      },
      maxRedirects: 0,
    });
    expect(await response.text()).not.toContain("Hacked");
  }
  expect(await (await request.get("/benefits")).text()).not.toContain("Hacked");
});

test("every editor page has no axe violations at phone and desktop widths", async ({ page }) => {
  // Twelve full axe runs over the largest staff pages: a budget for them, not the one of a journey.
  test.setTimeout(180_000);
  await signIn(page);
  for (const path of EDITOR_PAGES) {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(
        results.violations.map(
          (v) =>
            `${path} ${viewport.width}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      ).toEqual([]);
    }
  }
});
