import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { E2E_PORT } from "./server-env";
import {
  publishClinicPhone,
  publishPage,
  startServer,
  stopAllServers,
  stopServer,
} from "./own-server";

/*
 * The page cache belongs to the database it was rendered from. A server
 * publishes a page and new clinic details, and its visitors see them (so
 * they are in the page cache); then a server started on the same build with
 * an empty database, and one started on a backup taken before the publish,
 * must show neither: not the page, not the phone number, not in the sitemap.
 */
const PORT = E2E_PORT + 1020;
const root = mkdtempSync(path.join(tmpdir(), "clinic-cache-db-"));
const first = path.join(root, "first");
const restored = path.join(root, "restored");
const slug = `only-in-first-${randomBytes(3).toString("hex")}`;
const PHONE = "+1 555 010 0999";
test.afterAll(async () => {
  await stopAllServers();
  rmSync(root, { recursive: true, force: true });
});
test.describe.configure({ mode: "serial" });

const fetchText = async (base: string, pathname: string) => {
  const response = await fetch(`${base}${pathname}`);
  return { status: response.status, text: await response.text() };
};

test("a server on another database, or on a restored backup, shows nothing published in the first", async () => {
  test.setTimeout(5 * 60_000);
  const server = await startServer(PORT, { DATA_DIR: first });
  // The backup, taken before anything is published (the server checkpoints nothing in between).
  await stopServer(server);
  cpSync(first, restored, { recursive: true });
  const running = await startServer(PORT, { DATA_DIR: first });
  const db = createDb({ dataDir: first });
  await migrateToLatest(db);
  await publishPage(db, slug, "Only in the first database");
  await publishClinicPhone(db, PHONE);
  await db.destroy();
  await expect.poll(async () => (await fetchText(running.base, `/${slug}`)).status).toBe(200);
  // Every page that shows it is in the cache now: the home page, the new page, the sitemap.
  await expect
    .poll(async () => (await fetchText(running.base, "/")).text, { timeout: 30_000 })
    .toContain(PHONE);
  expect((await fetchText(running.base, `/${slug}`)).text).toContain(PHONE);
  // A copy kept from before the publish goes within seconds: the server notices the publish as
  // one made by another server sharing the database (lib/content/site/content-watch.ts).
  await expect
    .poll(async () => (await fetchText(running.base, "/sitemap.xml")).text, { timeout: 30_000 })
    .toContain(`/${slug}`);
  await stopServer(running);

  for (const [name, dataDir] of [
    ["an empty database", path.join(root, "empty")],
    ["the restored backup", restored],
  ] as const) {
    const other = await startServer(PORT, { DATA_DIR: dataDir });
    const page = await fetchText(other.base, `/${slug}`);
    const home = await fetchText(other.base, "/");
    const sitemap = await fetchText(other.base, "/sitemap.xml");
    await stopServer(other);
    expect([name, page.status, page.text.includes("Only in the first database")]).toEqual([
      name,
      404,
      false,
    ]);
    expect([name, home.status, home.text.includes(PHONE)]).toEqual([name, 200, false]);
    expect([name, sitemap.text.includes(`/${slug}`)]).toEqual([name, false]);
  }
});
