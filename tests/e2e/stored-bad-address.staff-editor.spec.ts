import { expect, test } from "@playwright/test";
import { addPageRevision } from "@/lib/db/content-revisions";
import { clientIp, signIn, testDb } from "./staff-fixtures";

/*
 * Pages an older release let through under addresses no page may have
 * (written here straight into the database): visitors never see them, not
 * in the menu or the sitemap, and staff delete them from the page list.
 * Named *.staff-editor.spec.ts: it changes what the page list shows.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(45) } });

test("a page stored under a bad address stays out of the site and is deleted from the page list", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const slugs = [`../evil-${stamp}`, `Foo Bar ${stamp}`];
  const db = await testDb();
  for (const slug of slugs) {
    const added = await addPageRevision(db, {
      slug,
      author: "An older release",
      note: null,
      action: "publish",
      frontmatter: {
        title: `Stored at ${slug}`,
        description: "x",
        lastReviewed: "2026-11-01",
        navOrder: 1,
      },
      body: `Text stored at ${slug}.`,
      baseHash: null,
      parentId: 0,
      now: new Date(),
    });
    expect(added.ok).toBe(true);
  }

  for (const path of ["/", "/sitemap.xml"]) {
    const text = await (await page.request.get(path)).text();
    for (const slug of slugs) expect(text, path).not.toContain(`Stored at ${slug}`);
    expect(text, path).not.toContain(`evil-${stamp}`);
  }

  await signIn(page);
  await page.goto("/staff/content");
  const [first] = slugs;
  const section = page.getByRole("region", {
    name: `A page stored at ${JSON.stringify(first)} cannot be shown`,
  });
  await expect(section).toContainText("must be lower-case words joined by hyphens");
  await section.getByLabel(`Yes, delete the page stored at ${JSON.stringify(first)}.`).check();
  await section.getByRole("button", { name: "Delete page" }).click();
  await expect(page.getByText("The page was deleted.")).toBeVisible({ timeout: 20_000 });
  await expect(section).toHaveCount(0);
  await expect(
    page.getByRole("region", {
      name: `A page stored at ${JSON.stringify(slugs[1])} cannot be shown`,
    }),
  ).toBeVisible();
});
