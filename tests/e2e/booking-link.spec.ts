import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createDb, migrateToLatest } from "@/lib/db/client";
import { fillValid, openForm, referenceShown, submit } from "./consultation-fixtures";
import { publishClinic, startServer, stopAllServers } from "./own-server";
import { E2E_PORT } from "./server-env";

/*
 * The booking page for existing patients: unset (as shipped) the site offers
 * no booking link and no reservation action; published as a clinic detail,
 * the home page, the consultation page and the answer offer it as a plain
 * same-tab link, and loading them asks nothing of another origin. On a server
 * of its own, so the clinic details the other journeys see never change.
 */
const PORT = E2E_PORT + 1130;
const BASE = `http://127.0.0.1:${PORT}`;
const BOOKING_URL = "https://willowlane.bookings.example/patients/book";
const LABEL = "Book your next visit";

const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-booking-"));
test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });
test.beforeAll(async () => {
  await startServer(PORT, { DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await stopAllServers();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every address the page asked for outside its own origin, from now on. */
function foreignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== BASE) foreign.push(request.url());
  });
  return foreign;
}

async function clinicJsonLd(page: Page): Promise<Record<string, unknown>> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const clinic = scripts
    .map((text) => JSON.parse(text) as Record<string, unknown>)
    .find((data) => data["@type"] === "MedicalClinic");
  expect(clinic).toBeDefined();
  return clinic ?? {};
}

async function answerPage(page: Page): Promise<void> {
  const openedAt = await openForm(page);
  await fillValid(page);
  await submit(page, openedAt);
  await referenceShown(page);
}

test("unset, no page offers a booking link and the structured data has no reservation", async ({
  page,
}) => {
  for (const address of ["/", "/consultation"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Already a patient?")).toHaveCount(0);
    expect(await clinicJsonLd(page)).not.toHaveProperty("potentialAction");
  }
  await answerPage(page);
  await expect(page.getByText("Already a patient?")).toHaveCount(0);
});

test("published, the three pages offer a plain same-tab link and ask no other origin", async ({
  page,
}) => {
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  await publishClinic(db, { bookingUrl: BOOKING_URL, bookingLabel: LABEL });
  await db.destroy();
  // The prerendered home page is rendered again once the server sees the publish.
  await expect
    .poll(async () => (await (await fetch(`${BASE}/`)).text()).includes(LABEL), {
      timeout: 30_000,
    })
    .toBe(true);

  const foreign = foreignRequests(page);
  const checkLink = async () => {
    await expect(page.getByText("Already a patient?")).toHaveCount(1);
    const link = page.getByRole("link", { name: LABEL });
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", BOOKING_URL);
    expect(await link.getAttribute("target")).toBeNull();
  };
  for (const address of ["/", "/consultation"]) {
    await page.goto(address);
    await page.waitForLoadState("networkidle");
    await checkLink();
    expect(await clinicJsonLd(page)).toMatchObject({
      potentialAction: {
        "@type": "ReserveAction",
        name: LABEL,
        target: { "@type": "EntryPoint", urlTemplate: BOOKING_URL },
      },
    });
  }
  await answerPage(page);
  await checkLink();
  await page.waitForLoadState("networkidle");
  // No embed, script, image or prefetch of the booking system: only the visitor's click goes there.
  expect(foreign).toEqual([]);
});
