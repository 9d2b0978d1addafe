import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { splitSource } from "@/lib/content/mdx/page-source";
import { addPageRevision, latestPageRevision } from "@/lib/db/content-revisions";
import { clientIp, signIn, testDb } from "./staff-fixtures";

/*
 * A deploy brought a content/ file that changed after a browser edit started
 * from it: the page list says so, and staff choose which version to keep.
 * Named *.staff-editor.spec.ts so it runs with the editor journeys, after
 * every spec that reads the public pages.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(41) } });

const slug = "what-to-expect";

test("changed in both places: the page list says so, staff keep the browser version, then go back to the file", async ({
  page,
}) => {
  const file = readFileSync(path.join("content", `${slug}.mdx`), "utf8");
  const { yaml, body } = splitSource(file);
  const frontmatter = parse(yaml) as Record<string, unknown>;
  const title = `What to expect, edited in the browser ${Date.now()}`;
  const db = await testDb();
  const added = await addPageRevision(db, {
    slug,
    author: "Sam Reception",
    note: null,
    action: "publish",
    frontmatter: { ...frontmatter, title },
    body,
    // The edit started from a file version that the deployed file no longer is.
    baseHash: "0".repeat(64),
    parentId: (await latestPageRevision(db, slug))?.id ?? 0,
    now: new Date(),
  });
  expect(added.ok).toBe(true);

  await signIn(page);
  await page.goto("/staff/content");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await row.getByRole("link", { name: "Changed in both places: choose" }).click();
  await expect(page.getByRole("heading", { name: "Changed in both places" })).toBeVisible();
  await page.getByRole("button", { name: "Keep the browser version" }).click();
  await expect(page.getByText("Published. Visitors see it now.")).toBeVisible();

  await page.goto("/staff/content");
  await expect(row).toContainText("Edited here, not in content/ yet");
  await expect(row.getByRole("link", { name: /Changed in both places/ })).toHaveCount(0);
  expect(await (await page.request.get(`/${slug}`)).text()).toContain(title);

  // Put the page back as the file has it, for every other journey.
  await page.goto(`/staff/content/${slug}/history`);
  await page.getByRole("button", { name: "Go back to the version in content/" }).click();
  await expect(async () => {
    expect(await (await page.request.get(`/${slug}`)).text()).not.toContain(title);
  }).toPass({ timeout: 5_000, intervals: [250] });
});
